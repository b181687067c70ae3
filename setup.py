"""Maps each top-level folder of the repository to the package it ships as.

The folders are the architecture (``openapi/``, ``mock_server/``, ``generated_client/``); the
import names are namespaced so nothing generic lands in site-packages. Sub-packages are found
automatically, so a regenerated client with new API tags needs no edit here.
"""

from setuptools import find_packages, setup

PACKAGE_DIRS = {
    "tonn_openapi": "openapi",
    "tonn_mock": "mock_server",
    "tonn_client": "generated_client",
}


def _packages() -> list[str]:
    packages = []
    for name, folder in PACKAGE_DIRS.items():
        packages.append(name)
        packages.extend(f"{name}.{sub}" for sub in find_packages(folder))
    return packages


setup(package_dir=PACKAGE_DIRS, packages=_packages())
