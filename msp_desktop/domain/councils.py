"""Councils with adult social services responsibilities (CASSRs), by ONS (GSS) code.

England: the 153 CASSRs as they stand after the April 2023 reorganisations (Cumberland,
Westmorland and Furness, North Yorkshire and Somerset became unitary): unitary authorities
(E06, Isles of Scilly included), metropolitan districts (E08), London boroughs with the City of
London (E09) and county councils (E10). Barnsley and Sheffield carry the codes ONS issued for
their April 2025 boundary change; their earlier codes are kept in FORMER_CODES so a record or
return typed with the old code still resolves. Wales: the 22 principal councils (W06).

Names follow ONS, with "City of" and "County of" moved to read naturally. This is reference
data: a new reorganisation is a change here and nowhere else.
"""

from __future__ import annotations

import re
import unicodedata

ENGLAND: tuple[tuple[str, str], ...] = (
    # Unitary authorities (E06)
    ("E06000001", "Hartlepool"),
    ("E06000002", "Middlesbrough"),
    ("E06000003", "Redcar and Cleveland"),
    ("E06000004", "Stockton-on-Tees"),
    ("E06000005", "Darlington"),
    ("E06000006", "Halton"),
    ("E06000007", "Warrington"),
    ("E06000008", "Blackburn with Darwen"),
    ("E06000009", "Blackpool"),
    ("E06000010", "Kingston upon Hull"),
    ("E06000011", "East Riding of Yorkshire"),
    ("E06000012", "North East Lincolnshire"),
    ("E06000013", "North Lincolnshire"),
    ("E06000014", "York"),
    ("E06000015", "Derby"),
    ("E06000016", "Leicester"),
    ("E06000017", "Rutland"),
    ("E06000018", "Nottingham"),
    ("E06000019", "Herefordshire"),
    ("E06000020", "Telford and Wrekin"),
    ("E06000021", "Stoke-on-Trent"),
    ("E06000022", "Bath and North East Somerset"),
    ("E06000023", "Bristol"),
    ("E06000024", "North Somerset"),
    ("E06000025", "South Gloucestershire"),
    ("E06000026", "Plymouth"),
    ("E06000027", "Torbay"),
    ("E06000030", "Swindon"),
    ("E06000031", "Peterborough"),
    ("E06000032", "Luton"),
    ("E06000033", "Southend-on-Sea"),
    ("E06000034", "Thurrock"),
    ("E06000035", "Medway"),
    ("E06000036", "Bracknell Forest"),
    ("E06000037", "West Berkshire"),
    ("E06000038", "Reading"),
    ("E06000039", "Slough"),
    ("E06000040", "Windsor and Maidenhead"),
    ("E06000041", "Wokingham"),
    ("E06000042", "Milton Keynes"),
    ("E06000043", "Brighton and Hove"),
    ("E06000044", "Portsmouth"),
    ("E06000045", "Southampton"),
    ("E06000046", "Isle of Wight"),
    ("E06000047", "County Durham"),
    ("E06000049", "Cheshire East"),
    ("E06000050", "Cheshire West and Chester"),
    ("E06000051", "Shropshire"),
    ("E06000052", "Cornwall"),
    ("E06000053", "Isles of Scilly"),
    ("E06000054", "Wiltshire"),
    ("E06000055", "Bedford"),
    ("E06000056", "Central Bedfordshire"),
    ("E06000057", "Northumberland"),
    ("E06000058", "Bournemouth, Christchurch and Poole"),
    ("E06000059", "Dorset"),
    ("E06000060", "Buckinghamshire"),
    ("E06000061", "North Northamptonshire"),
    ("E06000062", "West Northamptonshire"),
    ("E06000063", "Cumberland"),
    ("E06000064", "Westmorland and Furness"),
    ("E06000065", "North Yorkshire"),
    ("E06000066", "Somerset"),
    # Metropolitan districts (E08)
    ("E08000001", "Bolton"),
    ("E08000002", "Bury"),
    ("E08000003", "Manchester"),
    ("E08000004", "Oldham"),
    ("E08000005", "Rochdale"),
    ("E08000006", "Salford"),
    ("E08000007", "Stockport"),
    ("E08000008", "Tameside"),
    ("E08000009", "Trafford"),
    ("E08000010", "Wigan"),
    ("E08000011", "Knowsley"),
    ("E08000012", "Liverpool"),
    ("E08000013", "St Helens"),
    ("E08000014", "Sefton"),
    ("E08000015", "Wirral"),
    ("E08000017", "Doncaster"),
    ("E08000018", "Rotherham"),
    ("E08000021", "Newcastle upon Tyne"),
    ("E08000022", "North Tyneside"),
    ("E08000023", "South Tyneside"),
    ("E08000024", "Sunderland"),
    ("E08000025", "Birmingham"),
    ("E08000026", "Coventry"),
    ("E08000027", "Dudley"),
    ("E08000028", "Sandwell"),
    ("E08000029", "Solihull"),
    ("E08000030", "Walsall"),
    ("E08000031", "Wolverhampton"),
    ("E08000032", "Bradford"),
    ("E08000033", "Calderdale"),
    ("E08000034", "Kirklees"),
    ("E08000035", "Leeds"),
    ("E08000036", "Wakefield"),
    ("E08000037", "Gateshead"),
    ("E08000038", "Barnsley"),
    ("E08000039", "Sheffield"),
    # London boroughs and the City of London (E09)
    ("E09000001", "City of London"),
    ("E09000002", "Barking and Dagenham"),
    ("E09000003", "Barnet"),
    ("E09000004", "Bexley"),
    ("E09000005", "Brent"),
    ("E09000006", "Bromley"),
    ("E09000007", "Camden"),
    ("E09000008", "Croydon"),
    ("E09000009", "Ealing"),
    ("E09000010", "Enfield"),
    ("E09000011", "Greenwich"),
    ("E09000012", "Hackney"),
    ("E09000013", "Hammersmith and Fulham"),
    ("E09000014", "Haringey"),
    ("E09000015", "Harrow"),
    ("E09000016", "Havering"),
    ("E09000017", "Hillingdon"),
    ("E09000018", "Hounslow"),
    ("E09000019", "Islington"),
    ("E09000020", "Kensington and Chelsea"),
    ("E09000021", "Kingston upon Thames"),
    ("E09000022", "Lambeth"),
    ("E09000023", "Lewisham"),
    ("E09000024", "Merton"),
    ("E09000025", "Newham"),
    ("E09000026", "Redbridge"),
    ("E09000027", "Richmond upon Thames"),
    ("E09000028", "Southwark"),
    ("E09000029", "Sutton"),
    ("E09000030", "Tower Hamlets"),
    ("E09000031", "Waltham Forest"),
    ("E09000032", "Wandsworth"),
    ("E09000033", "Westminster"),
    # County councils (E10)
    ("E10000003", "Cambridgeshire"),
    ("E10000007", "Derbyshire"),
    ("E10000008", "Devon"),
    ("E10000011", "East Sussex"),
    ("E10000012", "Essex"),
    ("E10000013", "Gloucestershire"),
    ("E10000014", "Hampshire"),
    ("E10000015", "Hertfordshire"),
    ("E10000016", "Kent"),
    ("E10000017", "Lancashire"),
    ("E10000018", "Leicestershire"),
    ("E10000019", "Lincolnshire"),
    ("E10000020", "Norfolk"),
    ("E10000024", "Nottinghamshire"),
    ("E10000025", "Oxfordshire"),
    ("E10000028", "Staffordshire"),
    ("E10000029", "Suffolk"),
    ("E10000030", "Surrey"),
    ("E10000031", "Warwickshire"),
    ("E10000032", "West Sussex"),
    ("E10000034", "Worcestershire"),
)

WALES: tuple[tuple[str, str], ...] = (
    ("W06000001", "Isle of Anglesey"),
    ("W06000002", "Gwynedd"),
    ("W06000003", "Conwy"),
    ("W06000004", "Denbighshire"),
    ("W06000005", "Flintshire"),
    ("W06000006", "Wrexham"),
    ("W06000008", "Ceredigion"),
    ("W06000009", "Pembrokeshire"),
    ("W06000010", "Carmarthenshire"),
    ("W06000011", "Swansea"),
    ("W06000012", "Neath Port Talbot"),
    ("W06000013", "Bridgend"),
    ("W06000014", "Vale of Glamorgan"),
    ("W06000015", "Cardiff"),
    ("W06000016", "Rhondda Cynon Taf"),
    ("W06000018", "Caerphilly"),
    ("W06000019", "Blaenau Gwent"),
    ("W06000020", "Torfaen"),
    ("W06000021", "Monmouthshire"),
    ("W06000022", "Newport"),
    ("W06000023", "Powys"),
    ("W06000024", "Merthyr Tydfil"),
)

# Codes replaced by a boundary change of the same council: old code -> current code.
FORMER_CODES: dict[str, str] = {
    "E08000016": "E08000038",  # Barnsley, before April 2025
    "E08000019": "E08000039",  # Sheffield, before April 2025
    "E08000020": "E08000037",  # Gateshead, before April 2013
    "E06000048": "E06000057",  # Northumberland, before April 2019
}

# Other names people type for a council (normalised as by `normalise_name`).
ALIASES: dict[str, str] = {
    "hull": "E06000010",
    "kingston upon hull city of": "E06000010",
    "city of kingston upon hull": "E06000010",
    "herefordshire county of": "E06000019",
    "county of herefordshire": "E06000019",
    "bristol city of": "E06000023",
    "city of bristol": "E06000023",
    "durham": "E06000047",
    "bcp": "E06000058",
    "st helens": "E08000013",
    "saint helens": "E08000013",
    "city of westminster": "E09000033",
    "anglesey": "W06000001",
    "ynys mon": "W06000001",
    "rhondda cynon taff": "W06000016",
}

_NOISE = re.compile(
    r"\b(the|council|county council|city council|borough council|metropolitan borough council"
    r"|london borough of|royal borough of|county borough council|metropolitan district"
    r"|district council|unitary authority|ua)\b"
)


def normalise_name(text: str) -> str:
    """Lower case, no accents or punctuation, '&' as 'and', council-type words dropped.

    "Royal Borough of Kensington & Chelsea" and "Kensington and Chelsea Council" both give
    "kensington and chelsea".
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    folded = folded.replace("&", " and ").replace(".", "")
    folded = re.sub(r"[^a-z0-9 ]+", " ", folded)
    folded = re.sub(r"\s+", " ", folded).strip()
    stripped = re.sub(r"\s+", " ", _NOISE.sub(" ", folded)).strip()
    return stripped or folded


_BY_CODE = dict(ENGLAND + WALES)
_BY_NAME = {normalise_name(name): code for code, name in ENGLAND + WALES}
_BY_NAME.update(ALIASES)


def current_code(code: str) -> str | None:
    """The current ONS code for a code of a council (a former code resolves); None if unknown."""
    code = code.strip().upper()
    code = FORMER_CODES.get(code, code)
    return code if code in _BY_CODE else None


def code_for_name(text: str | None) -> str | None:
    """The ONS code of the council a typed name (or code) means, or None when it is not clear.

    Used to carry free text typed before councils were coded over to a code, so it matches
    whole names only: "Kent" is Kent, but "Kent and Medway" stays text for a person to code.
    """
    if not text or not text.strip():
        return None
    by_code = current_code(text)
    if by_code is not None:
        return by_code
    return _BY_NAME.get(normalise_name(text))
