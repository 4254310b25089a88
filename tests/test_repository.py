"""The repository as a new user and CI meet it: README commands, CI script, pinned
dependencies, and the GitHub Pages workflow (validated offline against the workflow schema)."""

import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_readme_shows_the_two_commands_first():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^\s*(make \w+)", readme, flags=re.MULTILINE)
    assert commands[:2] == ["make serve", "make test"]


def test_ci_runs_the_readme_test_command():
    lines = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines[-1] == "make test"
    assert "set -euo pipefail" in lines


def test_every_dependency_is_pinned_exactly():
    for name in ("requirements.txt", "constraints.txt"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            requirement = line.split("#")[0].strip()
            if requirement:
                assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][\w.]*", requirement), f"{name}: {line}"


def test_every_direct_dependency_says_why():
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line:
            assert "#" in line, f"requirements.txt: {line} has no comment saying why"


def test_seed_is_the_only_file_in_seeds():
    assert [path.name for path in (ROOT / "seeds").iterdir()] == ["jiangyuan-2024-08-22-district-head-speech.txt"]


def test_workflows_match_the_github_workflow_schema():
    assert WORKFLOWS
    result = subprocess.run([Path(sys.executable).parent / "check-jsonschema", "--builtin-schema",
                             "vendor.github-workflows", *WORKFLOWS], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def load_workflow() -> dict:
    [workflow] = WORKFLOWS
    return yaml.load(workflow.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # keeps "on" a string


def steps_using(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_workflow_tests_builds_and_deploys_main_only():
    workflow = load_workflow()
    assert workflow["on"]["push"]["branches"] == ["main"] and "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["group"].startswith("pages")
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run") for step in build["steps"]]
    assert runs.index("make test") < runs.index("make build")
    assert steps_using(build) == ["actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact"]
    assert steps_using(deploy) == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert "pull_request" in deploy["if"] and deploy["needs"] == "build"
    uploads = [step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert "pull_request" in uploads[0]["if"]
    assert "SITE_URL" in next(step for step in build["steps"] if step.get("run") == "make build")["env"]
