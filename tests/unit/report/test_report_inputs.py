"""The roster, the requirements and the manifests: configurable, and every problem named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eip.report.manifests import ManifestError, load_manifests
from eip.report.requirements import RequirementsError, load_requirements
from eip.report.roster import RosterError, RosterFormat, read_roster


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_the_fixture_roster_reports_each_bad_row_with_its_line(fixtures_dir) -> None:
    roster = read_roster(fixtures_dir / "roster.csv")
    assert [p.id for p in roster.people][:3] == ["alys", "bryn", "cerys"]
    assert roster.people[1].start == date(2027, 5, 1)  # written 01/05/2027: day first
    assert [(p.line, p.message) for p in roster.problems] == [
        (10, "no username or email"),
        (11, "start date '31/31/2027' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)"),
        (12, "'ALYS' is already on line 2"),
    ]


def test_column_names_are_configurable(tmp_path) -> None:
    path = write(
        tmp_path / "hr.csv",
        "Staff login;Preferred name;Service area;Supervisor;Post;Joined\n"
        "bethan;Bethan;Fostering;Sian;Social worker;2027-02-01\n",
    )
    form = RosterFormat(
        columns={
            "id": "Staff login",
            "name": "Preferred name",
            "team": "Service area",
            "manager": "Supervisor",
            "role": "Post",
            "start": "Joined",
        },
        delimiter=";",
    )
    (person,) = read_roster(path, form).people
    assert (person.id, person.team, person.manager, person.role, person.start) == (
        "bethan",
        "Fostering",
        "Sian",
        "Social worker",
        date(2027, 2, 1),
    )


def test_a_missing_column_says_how_to_name_it(tmp_path) -> None:
    path = write(tmp_path / "r.csv", "Staff number,Team,Role\nx,T,R\n")
    with pytest.raises(RosterError, match="--roster-column id=HEADER"):
        read_roster(path)


def test_rows_with_too_many_fields_are_skipped_with_their_line(tmp_path) -> None:
    path = write(
        tmp_path / "r.csv",
        "id,name,team,role,start\n"
        "a,Ann,T,R,2027-01-01\n"
        "b,Jones, Bob,T,R,2027-01-01\n"
        '"c","Cole, Cat",T,R,\n',
    )
    roster = read_roster(path)
    assert [p.id for p in roster.people] == ["a", "c"]
    assert roster.people[1].start is None  # no start date: never overdue
    assert roster.problems[0].line == 3
    assert "6 fields where the header has 5" in roster.problems[0].message


def test_a_roster_saved_in_a_windows_code_page_is_refused_with_the_fix(tmp_path) -> None:
    path = write(tmp_path / "r.csv", "id,team,role\nsiân,T,R\n", encoding="cp1252")
    with pytest.raises(RosterError, match="CSV UTF-8"):
        read_roster(path)


def test_requirements_give_each_role_its_courses_and_rules(fixtures_dir) -> None:
    requirements = load_requirements(fixtures_dir / "requirements.toml")
    assert requirements.courses_for("senior  PRACTITIONER") == (
        "research-literacy",
        "appraising-reviews",
    )
    assert requirements.courses_for("Family support worker") == ()
    literacy = requirements.courses["research-literacy"]
    assert (literacy.due_days, literacy.renew_months, literacy.pass_mark) == (90, 12, 0.6)
    reviews = requirements.courses["appraising-reviews"]
    assert (reviews.due_days, reviews.renew_months, reviews.pass_mark) == (180, 0, 0.5)


def test_the_requirements_file_may_name_the_roster_columns(tmp_path) -> None:
    path = write(
        tmp_path / "req.toml",
        '[roles]\n"*" = ["c"]\n[roster]\nid = "Login"\ndelimiter = ";"\ndate_format = "%d.%m.%Y"\n',
    )
    form = load_requirements(path).roster_format
    assert (form.columns, form.delimiter, form.date_formats) == (
        {"id": "Login"},
        ";",
        ("%d.%m.%Y",),
    )
    assert load_requirements(path).courses_for("anyone") == ("c",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[roles]\nx = 'c'\n", "must be a list of course slugs"),
        ("[defaults]\npass_mark = 70\n", "pass_mark must be a share between 0 and 1"),
        ("[defaults]\ndue_days = -1\n", "due_days must be a whole number of days"),
        ("[defaults]\nrenew = 1\n", "unknown key(s) renew"),
        ("[rolez]\n", "unknown table(s) rolez"),
        ("[roles\n", "is not valid TOML"),
        ("[roles]\nx = ['no-such-course']\n", "course 'no-such-course' is not in any manifest"),
    ],
)
def test_requirement_mistakes_are_named(tmp_path, text, message) -> None:
    path = write(tmp_path / "req.toml", text)
    with pytest.raises(RequirementsError) as raised:
        load_requirements(path, known_courses={"research-literacy": []})
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[roles]\n\"*\" = []\nx = 'c'\n", "req.toml:3: [roles] 'x'"),
        ("[roles]\n[defaults]\ndue_days = 90\npass_mark = 70\n", "req.toml:4: [defaults]"),
        ("[roles]\n[courses.research-literacy]\nrenew = 1\n", "req.toml:3: [courses."),
        ("[roles]\n\n[rolez]\n", "req.toml:3: unknown table(s) rolez"),
        ("[roster]\nid = 'Login'\nstart_date = 'Started'\n", "req.toml:3: [roster]"),
        ("[roles]\nx = []\n[courses.no-such-course]\n", "req.toml:3: course 'no-such"),
        ("roles = 1\n", "req.toml:1: [roles] must be a table"),
    ],
)
def test_requirement_mistakes_name_their_line(tmp_path, text, where) -> None:
    path = write(tmp_path / "req.toml", text)
    with pytest.raises(RequirementsError) as raised:
        load_requirements(path, known_courses={"research-literacy": []})
    assert where in str(raised.value)


def test_manifests_are_read_in_course_and_version_order(fixtures_dir) -> None:
    courses = load_manifests(fixtures_dir / "manifests")
    assert [(c.slug, c.version) for c in courses] == [
        ("appraising-reviews", "1.0"),
        ("research-literacy", "1.0"),
        ("research-literacy", "1.1"),
    ]
    literacy = courses[1]
    assert [b.url_name for b in literacy.completable_blocks] == ["fgc-trial", "pre-birth"]
    assert literacy.blocks[1].competencies == (("appraise.validity", 2),)


def test_a_missing_or_broken_manifest_folder_says_to_build(tmp_path) -> None:
    with pytest.raises(ManifestError, match="eip build"):
        load_manifests(tmp_path / "dist")
    (tmp_path / "dist").mkdir()
    with pytest.raises(ManifestError, match=r"no \*\.manifest\.json"):
        load_manifests(tmp_path / "dist")
    write(tmp_path / "dist" / "x.manifest.json", '{"manifest_version": 1,\n "course": ')
    with pytest.raises(ManifestError, match=r"x.manifest.json:2: not valid JSON"):
        load_manifests(tmp_path / "dist")
