"""
Client-side shims for Debian's Azure CLI 2.45 against the local emulator. Loaded through PYTHONPATH by the
conformance suite only; no server can fix these, and none changes what goes over the wire to the emulator.

1. MSAL for Python 1.21 always asks https://login.microsoftonline.com/common/discovery/instance about an
   authority it does not know (newer az: `az config set core.instance_discovery=false`). For a localhost
   authority, skip instance discovery (MSAL's own `instance_discovery=False`).
2. The same MSAL drops the port when it builds the user-realm URL (https://localhost/common/userrealm/...):
   mark localhost as a domain without user-realm discovery, as MSAL does itself after a 404.
3. Debian pairs az 2.45 with an azure-mgmt-authorization whose operation classes lack the `config` attribute
   `az role` reads (Azure/azure-cli #20546, #24959): give them a read-only `config` returning `_config`.
az 2.53 and later replace shim 1 with `az config set core.instance_discovery=false`; Microsoft's own packages do not need shim 3.
"""
try:
    import msal.authority as _authority

    _original_init = _authority.Authority.__init__

    def _init(self, authority_url, http_client, validate_authority=True, instance_discovery=None, **kwargs):
        url = str(authority_url)
        if url.startswith("https://localhost:") or url.startswith("https://127.0.0.1:"):
            instance_discovery = False
        return _original_init(self, authority_url, http_client, validate_authority=validate_authority, instance_discovery=instance_discovery, **kwargs)

    _authority.Authority.__init__ = _init
    _authority.Authority._domains_without_user_realm_discovery.update({"localhost", "127.0.0.1"})
except Exception:  # pragma: no cover - msal not installed
    pass

try:
    import importlib
    import pkgutil

    import azure.mgmt.authorization as _authorization

    for _info in pkgutil.walk_packages(_authorization.__path__, _authorization.__name__ + "."):
        if not _info.name.endswith(".operations._role_definitions_operations") and not _info.name.endswith(".operations._role_assignments_operations"):
            continue
        try:
            _module = importlib.import_module(_info.name)
        except Exception:
            continue
        for _name in ("RoleDefinitionsOperations", "RoleAssignmentsOperations"):
            _cls = getattr(_module, _name, None)
            if _cls is not None and not hasattr(_cls, "config"):
                _cls.config = property(lambda self: self._config)
except Exception:  # pragma: no cover - azure-mgmt-authorization not installed
    pass
