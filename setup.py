# scrapyd-deploy builds eggs with `python setup.py bdist_egg`; all metadata is in pyproject.toml.
#
# pyproject maps settings/ to the package newsbot.site_config (package-dir), but
# packages.find cannot discover a mapped folder that is not under newsbot/, and pyproject's
# package list wins over setup(packages=...). So build_py adds it here: wheels and scrapyd
# eggs then carry the site profiles, noise rules and environment overlays (settings/**.toml),
# and newsbot.profiles.load_profile works from a zipped egg (tests/test_scrapyd.py).
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SITE_CONFIG = "newsbot.site_config"


class BuildPy(build_py):
    def finalize_options(self) -> None:
        super().finalize_options()
        if self.packages is not None and SITE_CONFIG not in self.packages:
            self.packages.append(SITE_CONFIG)

    def run(self) -> None:
        super().run()
        # A regular package (not a namespace one), so importlib.resources finds it inside
        # a zipped egg too (zipimport has no namespace packages).
        init = Path(self.build_lib, *SITE_CONFIG.split("."), "__init__.py")
        if init.parent.is_dir() and not init.exists():
            init.write_text('"""Site profiles, noise rules, environments (settings/)."""\n')


setup(cmdclass={"build_py": BuildPy})
