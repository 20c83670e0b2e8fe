import type { ComponentType } from "react";
import { IconApi, IconBuildingStore, IconForms, IconMail, IconMessageCircle, IconPhone, IconShare, type IconProps } from "@tabler/icons-react";
import type { Channel } from "../../api/types";

const ICONS: Record<Channel, ComponentType<IconProps>> = {
  email: IconMail,
  chat: IconMessageCircle,
  web_form: IconForms,
  social: IconShare,
  phone: IconPhone,
  in_person: IconBuildingStore,
  api: IconApi,
};

/** The channel's icon; decorative, so the caller gives the channel's name in text or a label. */
export function ChannelIcon({ channel, size = 16 }: { channel: Channel; size?: number }) {
  const Icon = ICONS[channel];
  return <Icon size={size} stroke={1.6} aria-hidden="true" />;
}
