"""Settings: found upward from the checked path, validated strictly, overridden by CLI flags.

Config sits below every step of the pipeline and imports none of them: what it must know of
the rules to validate a file (codes, names, settings) is handed to it as a plain catalog.
`values.py` is what a resolved config holds, `parse.py` validates a file's data, `profiles.py`
lays the named rule packs underneath, and `files.py` finds and reads the files.
"""

from ivrcheck.config.files import CONFIG_FILES, Resolver, find_config, load_config
from ivrcheck.config.parse import MAX_SETTING, codes, parse_config
from ivrcheck.config.profiles import PROFILES, profile_info, profiles
from ivrcheck.config.values import FAIL_ON, Catalog, CodeInfo, Config, ConfigError, ConfigWaiver, Limits

__all__ = ["CONFIG_FILES", "Catalog", "CodeInfo", "Config", "ConfigError", "ConfigWaiver", "FAIL_ON", "Limits",
           "MAX_SETTING", "PROFILES", "Resolver", "codes", "find_config", "load_config", "parse_config",
           "profile_info", "profiles"]
