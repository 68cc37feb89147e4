"""The fixed parts of an XLSX package around its worksheets, as XlsxWriter writes them
(without a theme, which is optional): content types, relationships, the workbook with its
sheets and their filters' names, the styles `xlsx_writer` uses, and document properties.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from html import escape

DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = "0.0%"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument"


def content_types(sheets: int) -> str:
    overrides = [
        ("/docProps/app.xml", f"{_TYPES}.extended-properties+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/xl/styles.xml", f"{_TYPES}.spreadsheetml.styles+xml"),
        ("/xl/workbook.xml", f"{_TYPES}.spreadsheetml.sheet.main+xml"),
    ] + [
        (f"/xl/worksheets/sheet{n}.xml", f"{_TYPES}.spreadsheetml.worksheet+xml")
        for n in range(1, sheets + 1)
    ]
    return (
        f'{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )


ROOT_RELS = (
    f'{DECLARATION}<Relationships xmlns="{_PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{RELS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)


def workbook_rels(sheets: int) -> str:
    relations = [
        f'<Relationship Id="rId{n}" Type="{RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, sheets + 1)
    ]
    relations.append(
        f'<Relationship Id="rId{sheets + 1}" Type="{RELS}/styles" Target="styles.xml"/>'
    )
    return (
        f'{DECLARATION}<Relationships xmlns="{_PACKAGE_RELS}">{"".join(relations)}</Relationships>'
    )


def workbook(names: Sequence[str], filters: Sequence[str | None]) -> str:
    sheets = "".join(
        f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>'
        for n, name in enumerate(names, 1)
    )
    filtered = sorted(
        ((n, ref) for n, ref in enumerate(filters) if ref), key=lambda f: names[f[0]].lower()
    )  # in the order Excel keeps them: by sheet name
    defined = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
        f"{escape(ref, quote=False)}</definedName>"
        for n, ref in filtered
    )
    return (
        f'{DECLARATION}<workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
        '<fileVersion appName="xl" lastEdited="4" lowestEdited="4" rupBuild="4505"/>'
        '<workbookPr defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" '
        'yWindow="15" windowWidth="16095" windowHeight="9660"/></bookViews>'
        f"<sheets>{sheets}</sheets>"
        + (f"<definedNames>{defined}</definedNames>" if defined else "")
        + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    )


# cellXfs: 0 the default, 1 a bold wrapped header, 2 a date, 3 a percentage (the *_STYLE
# numbers `xlsx_writer` writes)
_FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
STYLES = (
    f'{DECLARATION}<styleSheet xmlns="{MAIN}"><numFmts count="2">'
    f'<numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/>'
    f'<numFmt numFmtId="165" formatCode="{PERCENT_FORMAT}"/></numFmts>'
    f'<fonts count="2"><font>{_FONT}</font><font><b/>{_FONT}</font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" '
    'applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    '</cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
    'defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
)


def app(names: Sequence[str]) -> str:
    titles = "".join(f"<vt:lpstr>{escape(name, quote=False)}</vt:lpstr>" for name in names)
    return (
        f'{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
        '2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes"><Application>Microsoft Excel</Application>'
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs>"
        '<vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>'
        f"</vt:variant><vt:variant><vt:i4>{len(names)}</vt:i4></vt:variant></vt:vector>"
        f'</HeadingPairs><TitlesOfParts><vt:vector size="{len(names)}" baseType="lpstr">'
        f"{titles}</vt:vector></TitlesOfParts><Company></Company>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion>"
        "</Properties>"
    )


def core(now: datetime) -> str:
    when = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f'{DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
        'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
        'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:creator></dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def cols(widths: Sequence[float]) -> str:
    """Column widths as XlsxWriter writes them (in its units, runs of equal widths merged)."""
    if not widths:
        return ""
    parts = []
    start = 0
    for index in range(1, len(widths) + 1):
        if index < len(widths) and widths[index] == widths[start]:
            continue
        parts.append(
            f'<col min="{start + 1}" max="{index}" width="{_width(widths[start]):.16g}" '
            'customWidth="1"/>'
        )
        start = index
    return f"<cols>{''.join(parts)}</cols>"


def _width(characters: float) -> float:
    pixels = (
        int(characters * 12 + 0.5) if characters < 1 else int(characters * 7 + 0.5) + 5
    )  # a digit is 7 pixels wide, with 5 of padding
    return (pixels * 256 // 7) / 256


def quoted(name: str) -> str:
    """A sheet name as a formula writes it: quoted unless it is a plain word."""
    plain = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", name)
    if plain and not re.fullmatch(r"[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*", name):
        return name
    return "'" + name.replace("'", "''") + "'"
