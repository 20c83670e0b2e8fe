import { Component, type ReactNode } from "react";
import { Alert, Button, Group } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import i18n from "../../i18n";

interface Props {
  children: ReactNode;
  onClose: () => void;
}

/**
 * Keeps the list usable when the conversation beside it fails: most often its code could not be fetched
 * because a new version was deployed since the page loaded, which a reload fixes.
 */
export class PaneBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert m="md" color="red" icon={<IconAlertCircle aria-hidden="true" />} title={i18n.t("inbox:pane.failed")}>
        {i18n.t("inbox:pane.failedHint")}
        <Group mt="sm" gap="xs">
          <Button size="xs" variant="light" color="red" onClick={() => window.location.reload()}>
            {i18n.t("inbox:pane.reload")}
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={this.props.onClose}>
            {i18n.t("common:close")}
          </Button>
        </Group>
      </Alert>
    );
  }
}
