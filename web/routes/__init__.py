"""The site's routers, one per audience: the public site, subscribers' own pages, the desk."""
