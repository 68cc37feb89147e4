"""What the EIP blocks share: hardened XML parsing (`xml`), the Markdown/HTML allow-list
(`markdown`), package files and templates (`resources`), validated JSON handlers
(`handlers`), events (`events`), the current user (`users`), competency tags
(`competencies`) and the `EIPBlock` base class (`block`).

Import the modules themselves; this package imports nothing so that model code can use
`xblocks.core.xml` without loading XBlock or Django.
"""
