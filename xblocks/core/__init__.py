"""What the EIP blocks share: hardened XML parsing (`xml`), the Markdown/HTML allow-list
(`markdown`), package files and templates (`resources`), validated JSON handlers
(`handlers`), events (`events`), the current user (`users`), competency tags
(`competencies`), the language of each text shown and its marking (`language`,
`language_tags`) and the `EIPBlock` base class (`block`); for blocks whose OLX is an
authored file, its attributes, export and Studio save (`olx_block`), instructor report
rows (`reports`) and workbench scenarios from shipped files (`scenarios`); for the models
that read authored files, the read itself (`reading`), located problems (`problems`) and
their words in any language (`messages`), authored text (`olx_text`), attribute spelling
(`attributes`) and the canonical form used to check exports (`canonical`).

Import the modules themselves; this package imports nothing so that model code can use
`xblocks.core.xml` without loading XBlock or Django.
"""
