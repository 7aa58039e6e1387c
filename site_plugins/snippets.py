"""MkDocs plugin: registers the `snippet` fence and scopes its runs to one build."""

from __future__ import annotations

import shutil
from pathlib import Path

from markdown_exec import markdown_config
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from site_plugins.dirty import DirtyPages
from site_plugins.restart import restart_if_code_changed
from site_plugins.template_cache import TemplateCache
from snippet_engine import interpreters
from snippet_engine.plan import plan_pages
from snippet_engine.project import DEFAULTS, Settings, SettingsError
from snippet_fence.fence import SnippetFence
from snippet_fence.render import with_download_links
from snippet_fence.stamp import stamp_html

log = get_plugin_logger("snippets")


class SnippetsConfig(Config):
    # What each option means: snippet_engine/project.py's Settings, whose defaults these are
    snippets_dir = config_options.Type(str, default=DEFAULTS.snippets_dir)
    timeout = config_options.Type((int, float), default=DEFAULTS.timeout)
    cache_dir = config_options.Type(str, default=DEFAULTS.cache_dir)
    workers = config_options.Type(int, default=DEFAULTS.workers)
    pass_env = config_options.ListOfItems(config_options.Type(str), default=[])
    # Found with uv, never downloaded; each gets an environment from requirements.lock
    interpreters = config_options.ListOfItems(config_options.Type(str), default=[])


class SnippetsPlugin(BasePlugin[SnippetsConfig]):
    """`mkdocs.yml`: `plugins: [snippets: {timeout: 60}]`."""

    fence: SnippetFence | None = None
    command = "build"
    _depth = 0  # mkdocs-static-i18n builds other languages inside the first build

    def __init__(self) -> None:
        super().__init__()
        self.dirty = DirtyPages()  # kept between `mkdocs serve` rebuilds, as the plugin is
        self._shows: dict[str, tuple[str, ...]] = {}  # page source -> keys of its runs
        self.templates = TemplateCache()
        self.unavailable: list[interpreters.Unavailable] = []  # named, not usable here

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config):
        root = Path(config.config_file_path).resolve().parent
        if self.fence is None:
            settings = Settings(
                snippets_dir=self.config.snippets_dir,
                timeout=float(self.config.timeout),
                cache_dir=self.config.cache_dir,
                workers=self.config.workers,
                pass_env=tuple(self.config.pass_env),
                interpreters=tuple(self.config.interpreters),
            )
            try:
                settings.check(root)
            except SettingsError as error:
                raise PluginError(f"snippets: {error}") from None
            self.fence, self.unavailable = SnippetFence.for_settings(settings, root, log)
        self.docs_dir = Path(config.docs_dir).resolve().relative_to(root.resolve())
        if "pymdownx.superfences" not in config.markdown_extensions:
            raise PluginError("snippets: needs the pymdownx.superfences Markdown extension")
        fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault(
            "custom_fences", []
        )
        if not any(fence.get("name") == "snippet" for fence in fences):
            fences.append(
                {
                    "name": "snippet",
                    "class": "snippet",
                    "validator": self.fence.validator,
                    "format": self.fence.formatter,
                }
            )
            fences.append({"name": "build-stamp", "class": "build-stamp", "format": self._stamp})
        # markdown-exec renders the source block with the site's own extensions.
        markdown_config.save(config.markdown_extensions, config.mdx_configs)
        return config

    def _stamp(self, source, language, css_class, options, md, **kwargs) -> str:
        return stamp_html(
            self.fence.language,
            self.fence.store.execute,
            self.fence.others,
            self.unavailable,
        )

    def on_pre_build(self, *, config) -> None:
        self._depth += 1
        if self._depth == 1 and self.command == "serve":
            restart_if_code_changed(config.site_dir)

    def on_files(self, files, *, config):
        """Check every fence of every page, then run what they need, before any renders.

        The first (outer) build's files are every language's pages, as MkDocs found them:
        mkdocs-static-i18n sorts them by language after this (and for each further build).
        """
        if self._depth != 1 or self.fence is None:
            return files
        pages = {
            (self.docs_dir / file.src_uri).as_posix(): Path(file.abs_src_path)
            for file in files.documentation_pages()
            if file.src_uri.endswith(".md")
        }
        plan = plan_pages(
            pages.items(),
            self.fence.snippets_dir,
            self.fence.store,
            self.fence.default_timeout,
            self.fence.others,
        )
        self._shows = {str(pages[page]): keys for page, keys in plan.shows.items()}
        for problem in plan.problems:
            log.error(problem)
        if plan.problems and self.command != "serve":
            raise PluginError(f"snippets: {len(plan.problems)} broken snippet block(s) (see above)")
        # Other plugins' slow work (executing notebooks) runs alongside the shared snippets
        alongside = [
            work
            for plugin in config.plugins.values()
            if hasattr(plugin, "shared_work")
            for work in plugin.shared_work(files)
        ]
        self.fence.store.prefetch(plan.jobs, alongside)
        return files

    @event_priority(-200)  # the files as mkdocs-static-i18n left them for this language
    def on_nav(self, nav, *, config, files):
        if self.command == "serve":
            language = config.theme.get("language")
            news = self.dirty.mark(files, self._shows, language, config.nav)
            if news:
                log.info(news)
        return nav

    def on_env(self, env, *, config, files):
        # Templates compiled once per server, not once per language per rebuild (about a
        # second of every rebuild); a template's entry is keyed by its source
        env.bytecode_cache = self.templates
        if self.command == "serve":  # every page read (or not, under --dirty): before renders
            self.dirty.restore_titles(files)
        return env

    def on_page_context(self, context, *, page, config, nav):
        if self.command == "serve":
            self.dirty.remember_title(page)
        return context

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        assert self.fence is not None
        self.fence.page = (self.docs_dir / page.file.src_uri).as_posix()
        self.fence.language = getattr(page.file, "locale", None) or config.theme.get(
            "language", "en"
        )
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        return with_download_links(html, page.url, self.fence.language)

    @event_priority(-200)  # after mkdocs-static-i18n has built the other languages
    def on_post_build(self, *, config) -> None:
        self._depth -= 1
        if self._depth > 0 or self.fence is None:
            return
        failures, self.fence.failures = self.fence.failures, []
        self.fence.store.finish_build()
        # Every snippet a page shows can be downloaded as the very file that ran
        for name in sorted(self.fence.shown):
            target = Path(config.site_dir) / "snippets" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.fence.snippets_dir / name, target)
        self.fence.shown.clear()
        if failures and self.command != "serve":
            raise PluginError(f"snippets: {len(failures)} snippet block(s) failed (see above)")

    def on_build_error(self, *, error: Exception) -> None:
        self._depth = 0
        self.dirty.forget()
        if self.fence is not None:
            self.fence.failures.clear()
            self.fence.store.finish_build()
