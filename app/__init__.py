"""Porchlight: a private desktop companion for keeping children safe online."""

__version__ = "0.1.0"
APP_ID = "org.porchlight.Porchlight"
APP_NAME = "Porchlight"
