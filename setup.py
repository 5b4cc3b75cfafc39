"""Build hook: a wheel carries the top-level templates/, static/ and translations/ folders
inside the ``council`` package (council/resources.py finds them there). Everything else about
the distribution is in pyproject.toml."""

from pathlib import Path
from shutil import copytree, ignore_patterns

from setuptools import setup
from setuptools.command.build_py import build_py

FOLDERS = ("templates", "static", "translations")


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the checkout's folders directly
            return
        root = Path(__file__).resolve().parent
        for name in FOLDERS:
            copytree(root / name, Path(self.build_lib) / "council" / "resources" / name,
                     dirs_exist_ok=True, ignore=ignore_patterns("*.pot", "__pycache__"))


setup(cmdclass={"build_py": BuildWithResources})
