"""The README's examples are the files in examples/ and run."""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def readme_has(path):
    lines = (ROOT / path).read_text().splitlines()
    while lines and lines[0].startswith("//"):  # the C++ block starts at #include
        lines.pop(0)
    body = "\n".join(lines)
    assert body.strip() in (ROOT / "README.md").read_text(), f"README.md must show {path} verbatim"


def test_python_quickstart_runs_and_is_in_the_readme():
    readme_has("examples/quickstart.py")
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "quickstart.py")], capture_output=True, text=True,
                         check=True).stdout
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["rank", "role"] and lines[2].split()[1] == "1"
    assert "groups; modularity" in lines[-1]


def test_cpp_example_is_in_the_readme():
    # built and run on the sample by the cpp_consumer_find_package ctest
    readme_has("examples/cpp/brokers.cpp")
