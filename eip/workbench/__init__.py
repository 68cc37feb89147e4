"""The local workbench: the xblock-sdk workbench configured for Evidence in Practice."""
