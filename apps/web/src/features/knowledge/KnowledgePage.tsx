import { useTranslation } from "react-i18next";
import { Link, Route, Switch, useLocation } from "wouter";
import { Box, NavLink, ScrollArea, Title } from "@mantine/core";
import { IconBulb, IconFileText, IconFolders, type Icon } from "@tabler/icons-react";
import layout from "../settings/settings.module.css";
import { ArticleList } from "./ArticleList";
import { ArticlePage } from "./ArticlePage";
import { CategoriesSection } from "./CategoriesSection";
import { ContentGapsSection } from "./ContentGapsSection";
import { useCanWrite } from "./shared";

const SECTIONS: { path: string; label: string; icon: Icon; writersOnly: boolean }[] = [
  { path: "/", label: "sections.articles", icon: IconFileText, writersOnly: false },
  { path: "/categories", label: "sections.categories", icon: IconFolders, writersOnly: false },
  { path: "/gaps", label: "sections.gaps", icon: IconBulb, writersOnly: true },
];

/** The knowledge base: articles, their categories and the questions no article answers yet. Paths are relative to /knowledge. */
export default function KnowledgePage() {
  const { t } = useTranslation("knowledge");
  const canWrite = useCanWrite();
  const [location] = useLocation();
  const current = location.startsWith("/articles") ? "/" : location;

  return (
    <div className={layout.layout}>
      <Box component="nav" aria-labelledby="knowledge-title" className={layout.menu}>
        <Title order={1} size="h4" id="knowledge-title" px="sm" mb="sm">
          {t("title")}
        </Title>
        {SECTIONS.filter((section) => canWrite || !section.writersOnly).map((section) => (
          <NavLink
            key={section.path}
            component={Link}
            href={section.path}
            label={t(section.label)}
            leftSection={<section.icon size={18} aria-hidden />}
            active={current === section.path}
            aria-current={current === section.path ? "page" : undefined}
            className={layout.menuLink}
          />
        ))}
      </Box>
      <ScrollArea className={layout.content} type="auto">
        <Box p={{ base: "md", sm: "xl" }}>
          <Switch>
            <Route path="/" component={ArticleList} />
            <Route path="/articles/new" component={ArticlePage} />
            <Route path="/articles/:id" component={ArticlePage} />
            <Route path="/categories" component={CategoriesSection} />
            <Route path="/gaps" component={ContentGapsSection} />
          </Switch>
        </Box>
      </ScrollArea>
    </div>
  );
}
