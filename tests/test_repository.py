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
    build_step = next(step for step in build["steps"] if step.get("run") == "make build")
    assert "github.repository" in build_step["env"]["REPO_URL"]
    # configure-pages runs on pull requests too, allowed to fail there only.
    [pages] = [step for step in build["steps"] if step.get("uses", "").startswith("actions/configure-pages")]
    assert "if" not in pages
    assert pages["continue-on-error"] == "${{ github.event_name == 'pull_request' }}"


def test_every_job_has_a_timeout_and_only_the_permissions_its_actions_need():
    workflow = load_workflow()
    for name, job in workflow["jobs"].items():
        assert int(job.get("timeout-minutes", 0)) > 0, f"job {name} has no timeout-minutes"
    assert workflow["permissions"] == {"contents": "read"}
    # checkout reads the repository; configure-pages reads the Pages site.
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}


def site_url_step(build: dict) -> tuple[dict, str]:
    """The step computing the Build step's SITE_URL, and the expression the Build step uses."""
    site_url = next(step for step in build["steps"] if step.get("run") == "make build")["env"]["SITE_URL"]
    match = re.fullmatch(r"\$\{\{ *steps\.([\w-]+)\.outputs\.(\w+) *\}\}", site_url)
    assert match, f"the Build step's SITE_URL must be a step's output, not {site_url!r}"
    [step] = [step for step in build["steps"] if step.get("id") == match.group(1)]
    return step, match.group(2)


def run_site_url_step(tmp_path: Path, step: dict, pages_url: str) -> dict[str, str]:
    """Run the step's script as the runner would, with configure-pages' output (empty if it failed)."""
    [(variable, expression)] = step["env"].items()
    assert expression == "${{ steps.pages.outputs.base_url }}"
    output = tmp_path / "output"
    output.write_text("")
    subprocess.run(["bash", "-e", "-c", step["run"]], check=True, env={
        "PATH": "/usr/bin:/bin", variable: pages_url, "GITHUB_OUTPUT": str(output),
        "GITHUB_REPOSITORY_OWNER": "Some-Owner", "GITHUB_REPOSITORY": "Some-Owner/jiangyuan-briefing"})
    return dict(line.split("=", 1) for line in output.read_text().splitlines())


def test_the_build_always_gets_a_site_url_ending_in_a_slash(tmp_path):
    build = load_workflow()["jobs"]["build"]
    step, name = site_url_step(build)
    assert step["shell"] == "bash" and "if" not in step and "continue-on-error" not in step
    runs = [step.get("run") for step in build["steps"]]
    assert runs.index(step["run"]) < runs.index("make build")
    fallback = "https://some-owner.github.io/jiangyuan-briefing/"
    cases = {"": fallback,  # configure-pages failed or was not allowed to read Pages
             "https://owner.github.io/jiangyuan-briefing": "https://owner.github.io/jiangyuan-briefing/",
             "https://briefing.example.org": "https://briefing.example.org/"}
    for pages_url, expected in cases.items():
        assert run_site_url_step(tmp_path, step, pages_url)[name] == expected, pages_url


PIPELINE = ("model", "load", "render", "build", "publish", "tools")  # scripts/'s folders, in the pipeline's order


def test_each_folder_of_scripts_imports_only_from_the_folders_before_it():
    """The layout shows the architecture: what the data means (model) knows nothing of loading,
    rendering or building; rendering knows nothing of caches; the tools come last."""
    import ast

    upward = []
    for path in sorted((ROOT / "scripts").rglob("*.py")):
        parts = path.relative_to(ROOT / "scripts").parts
        if len(parts) < 2:
            continue
        layer = PIPELINE.index(parts[0])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("scripts."):
                imported = node.module.split(".")[1]
                if PIPELINE.index(imported) > layer:
                    upward.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {node.module}")
    assert upward == []
    assert {path.name for path in (ROOT / "scripts").iterdir() if path.suffix == ".py"} == {"__init__.py"}
