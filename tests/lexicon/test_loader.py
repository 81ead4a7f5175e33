"""Lexicon validation: every kind of fault is reported with its file and line."""

from datetime import date
from pathlib import Path

import pytest

from hadath.lexicon.loader import LexiconError, load_lexicon

CAMEO_CSV = (
    "code,label,goldstein,quad_class,plover_type,plover_mode,plover_context,provenance\n"
    "19,FIGHT,-10.0,material_conflict,ASSAULT,,,test\n195,Employ aerial weapons,-10.0,material_conflict,ASSAULT,,,test\n"
)


def _write(root: Path, relative: str, content: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    _write(tmp_path, "ontology/cameo.csv", CAMEO_CSV)
    _write(
        tmp_path,
        "actors/countries.yaml",
        "countries:\n  - {code: SYR, name_en: Syria, names: [سوريا], adjectives: [سوري]}\n",
    )
    return tmp_path


def test_valid_files_load(data_dir: Path):
    _write(
        data_dir,
        "actors/people.yaml",
        "provenance: test\nactors:\n"
        "  - id: walid-muallem\n    name_en: Walid al-Muallem\n    type: person\n"
        "    codes: [{code: SYRGOV, from: 2006-02-11, to: 2020-11-16}]\n    names: [وليد المعلم]\n",
    )
    _write(
        data_dir,
        "actors/roles.yaml",
        "roles:\n  - id: foreign-minister\n    names: [وزير الخارجية]\n    code: GOV\n"
        "    holders:\n      SYR:\n        - {actor: walid-muallem, from: 2006-02-11, to: 2020-11-16}\n",
    )
    _write(data_dir, "events/e.yaml", "events:\n  - {cameo: '195', triggers: [غارة], pos: noun}\n")
    lexicon = load_lexicon(data_dir)
    actor = lexicon.actors["walid-muallem"]
    assert actor.code_on(date(2016, 3, 16)) == ("SYRGOV", 1.0)
    assert actor.code_on(date(2022, 1, 1))[1] < 1.0  # outside the tenure: a guess, flagged as such
    assert lexicon.roles["foreign-minister"].holder_on("SYR", date(2016, 3, 16)).actor == "walid-muallem"
    assert lexicon.events[0].cameo == "195"


@pytest.mark.parametrize(
    ("relative", "content", "message"),
    [
        (
            "actors/a.yaml",
            "actors:\n  - id: Bad Id\n    codes: [SYR]\n    names: [س]\n",
            "actors/a.yaml:2: actor id",
        ),
        (
            "actors/a.yaml",
            "actors:\n  - id: x\n    codes: [SYRGOVX1]\n    names: [سوريا]\n",
            "not a CAMEO actor code",
        ),
        (
            "actors/a.yaml",
            "actors:\n\n  - id: x\n    codes: [{code: SYR, from: 2016-13-01}]\n    names: [سوريا]\n",
            "actors/a.yaml:3: from '2016-13-01' is not a YYYY-MM-DD date",
        ),
        (
            "actors/a.yaml",
            "actors:\n  - id: x\n    codes: [{code: SYR, from: 2016-01-01, to: 2015-01-01}]\n    names: [سوريا]\n",
            "is after to",
        ),
        (
            "actors/a.yaml",
            "actors:\n  - id: x\n    codes: [SYR]\n    names: [Syria]\n",
            "has no Arabic letters",
        ),
        ("actors/a.yaml", "actors:\n  - id: x\n    codes: [SYR]\n", "missing 'names'"),
        (
            "actors/a.yaml",
            "actors:\n  - {id: x, codes: [SYR], names: [سوريا]}\n  - {id: x, codes: [SYR], names: [سورية]}\n",
            "actors/a.yaml:3: duplicate actor id 'x' (first at actors/a.yaml:2)",
        ),
        ("actors/a.yaml", "actors: [\n", "invalid YAML"),
        (
            "actors/a.yaml",
            "actors:\n  - {id: x, codes: [SAUMIL], names: [التحالف العربي], theatre_names: [التحالف]}\n",
            "theatre_names need theatres",
        ),
        (
            "actors/a.yaml",
            "actors:\n  - {id: x, codes: [SAUMIL], names: [التحالف العربي], theatres: [Yemen]}\n",
            "must be 3-letter country codes",
        ),
        (
            "actors/g.yaml",
            "agents:\n  - names: [أشخاص]\n    code: CVL\n    note: a\n    note: b\n",
            "actors/g.yaml:5: invalid YAML: duplicate key 'note' in one entry",
        ),
        ("events/e.yaml", "events:\n  - {cameo: 195, triggers: [غارة]}\n", None),
        (
            "events/e.yaml",
            "events:\n  - {cameo: '999', triggers: [غارة]}\n",
            "events/e.yaml:2: cameo '999' is not in",
        ),
        ("events/e.yaml", "events:\n  - {cameo: '195', triggers: [غارة], pos: adverb}\n", "pos 'adverb'"),
        (
            "actors/r.yaml",
            "roles:\n  - id: fm\n    names: [وزير]\n    code: GOV\n    holders:\n      SYR:\n        - {actor: nobody}\n",
            "unknown actor 'nobody'",
        ),
        (
            "places/p.csv",
            "id,name_en,names_ar,country,lat,lon,kind\nx,X,دمشق,SYR,133,36,city\n",
            "places/p.csv:2: lat 133",
        ),
        (
            "places/p.csv",
            "id,name_en,names_ar,country,lat,lon,kind\nx,X,دمشق,Syria,33,36,city\n",
            "ISO alpha-3",
        ),
        ("cues/c.yaml", "speech: [قال, '']\n", "cue list 'speech'"),
        ("actors/g.yaml", "agents:\n  - {names: [صاروخ], code: MIL, bare: sometimes}\n", "bare 'sometimes'"),
        ("actors/g.yaml", "agents:\n  - {names: [قوات النظام], code: MIL, serves: gov}\n", "serves 'gov'"),
        (
            "events/e.yaml",
            "events:\n  - {cameo: '195', triggers: [قصف], pos: verb, subject: victim}\n",
            "subject 'victim' must be one of agent, patient, either",
        ),
        (
            "events/e.yaml",
            "events:\n  - {cameo: '195', triggers: [غارة], pos: noun, light_verb: true}\n",
            "true only for a verb with a context",
        ),
        (
            "events/e.yaml",
            "events:\n  - {cameo: '195', triggers: [شن], pos: verb, context: [[غارة]], light_verb: yes please}\n",
            "light_verb must be true or false",
        ),
        (
            "events/e.yaml",
            "events:\n  - {cameo: '195', triggers: [قصف], pos: verb, needs_target: sometimes}\n",
            "needs_target must be true or false",
        ),
        (
            "events/e.yaml",
            "events:\n  - {cameo: '195', triggers: [معارك], pos: noun, mutual: often}\n",
            "mutual must be true or false",
        ),
    ],
)
def test_faults_name_file_and_line(data_dir: Path, relative: str, content: str, message: str | None):
    _write(data_dir, relative, content)
    if message is None:  # integers are accepted for codes written without quotes
        load_lexicon(data_dir)
        return
    with pytest.raises(LexiconError) as raised:
        load_lexicon(data_dir)
    assert any(message in problem for problem in raised.value.problems), raised.value.problems


def test_outlets_name_their_home_country(data_dir: Path):
    _write(data_dir, "sources/outlets.yaml", "outlets:\n  - {country: SYR, names: [SANA, sana.sy]}\n")
    assert load_lexicon(data_dir).outlet_countries == {"sana": "SYR", "sana.sy": "SYR"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("outlets:\n  - {country: IRQ, names: [alsabaah]}\n", "unknown country 'IRQ'"),
        ("outlets:\n  - {country: syr, names: [sana]}\n", "must be an ISO 3166 alpha-3 code"),
        ("outlets:\n  - {country: SYR, names: []}\n", "'names' must be a non-empty list"),
        (
            "outlets:\n  - {country: SYR, names: [sana]}\n  - {country: IRQ, names: [Sana]}\n",
            "listed with two countries",
        ),
    ],
)
def test_bad_outlets_are_reported(data_dir: Path, content: str, message: str):
    _write(data_dir, "sources/outlets.yaml", content)
    with pytest.raises(LexiconError) as raised:
        load_lexicon(data_dir)
    assert any(message in str(problem) for problem in raised.value.problems)


def test_all_problems_are_collected(data_dir: Path):
    _write(
        data_dir,
        "actors/a.yaml",
        "actors:\n  - {id: A, codes: [SYR], names: [س]}\n  - {id: b, codes: [x], names: [س]}\n",
    )
    with pytest.raises(LexiconError) as raised:
        load_lexicon(data_dir)
    assert len(raised.value.problems) >= 2


def test_shipped_lexicon_is_valid():
    lexicon = load_lexicon()
    assert len(lexicon.cameo) > 300
    assert lexicon.actors and lexicon.events and lexicon.cues
