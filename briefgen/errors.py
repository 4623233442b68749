"""The few errors briefgen raises; the CLI catches only the base class."""


class BriefgenError(Exception):
    """A failure the user can act on; the message says what to do."""


class ConfigError(BriefgenError):
    """mkdocs.yml or its `extra.briefgen` section is missing or wrong."""


class ModelError(BriefgenError):
    """The configured spaCy pipeline cannot be loaded."""


class SiteError(BriefgenError):
    """MkDocs could not build the site."""


class StrictError(BriefgenError):
    """`--strict` was given and some input files had problems."""


class BuildLocked(BriefgenError):
    """Another build of the same project is running."""


class ContentError(BriefgenError):
    """content/ holds something briefgen must not write through (a linked folder)."""
