"""xAPI statements for the blocks' `edx.eip.*` events (docs/xapi.md).

`vocabulary` and `mapping` are plain Python: an event in, a statement dict out. `apps`,
`settings` and `transformers` plug that mapping into Open edX's event-routing-backends; only
`transformers` imports it, and only when the LMS has it installed.
"""
