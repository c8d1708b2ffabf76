"""Endpoint methods of `WorkatoClient`, one mixin per family of endpoints."""
