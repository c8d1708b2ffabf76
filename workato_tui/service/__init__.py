"""The service layer: config, tokens, access policy, call log, cache and snapshots.

Import the modules you need (`from workato_tui.service.config import load_config`); this
package imports nothing on its own so that loading one piece stays cheap.
"""
