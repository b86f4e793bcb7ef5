"""axe-core (the npm package the front end installs) run inside a page: the accessibility rules a
screen reader and keyboard user depend on. ``serious_violations(page)`` -> the serious and critical
violations as ``[(rule id, [target selectors])]``, empty when there are none."""
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page, include: str | None = None) -> list[tuple[str, list[str]]]:
    if not AXE.exists():
        raise AssertionError(f"{AXE} is missing: run `make test` (it installs the front end's packages)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (include) => {
            const context = include ? { include: [include] } : document;
            const found = await axe.run(context, { resultTypes: ["violations"] });
            return found.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => [v.id, v.nodes.map((n) => n.target.join(" "))]);
        }""",
        include,
    )
    return [(rule, targets) for rule, targets in result]
