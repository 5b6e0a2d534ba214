"""Login (``login``), second factors (``two_factor``) and password reset (``reset``)."""
