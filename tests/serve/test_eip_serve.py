"""`eip serve`: prepares its data folder, writes events, keeps learners' state between restarts."""

import socket
import subprocess
import urllib.request

from eip.workbench.process import block_usage_ids, serve_command


def first_usage_id(html: str) -> str:
    return block_usage_ids(html, "eip_appraisal")[0]


def test_first_start_prepares_the_data_folder_and_says_how_to_use_it(tmp_path, serve) -> None:
    data_dir = tmp_path / "fresh" / "var"
    with serve(data_dir) as (base, output):
        index = urllib.request.urlopen(base, timeout=30).read().decode()
    assert "/scenario/eip_appraisal." in index
    assert (data_dir / "workbench.db").is_file()
    printed = output.read_text()
    assert base in printed
    assert "?student=" in printed


def test_learner_state_survives_a_restart(tmp_path, serve, learner) -> None:
    data_dir = tmp_path / "var"
    draft = {"answers": {"1": {"answer": "yes", "reason": "The question is stated plainly."}}}
    with serve(data_dir) as (base, _):
        alys = learner(base, "alys")
        usage_id = first_usage_id(alys.get("scenario/eip_appraisal.1/"))
        status, _ = alys.post_json(f"handler/{usage_id}/save_draft/", draft)
        assert status == 200
    with serve(data_dir) as (base, _):
        alys = learner(base, "alys")
        page = alys.get("scenario/eip_appraisal.1/")
        assert "The question is stated plainly." in page
        bryn = learner(base, "bryn")
        assert "The question is stated plainly." not in bryn.get("scenario/eip_appraisal.1/")


def test_a_busy_port_is_refused_with_a_clear_message(tmp_path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            serve_command(port, tmp_path / "var"),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "--port" in result.stderr
