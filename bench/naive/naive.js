// The naive embed: boot Pyodide on the main thread with its defaults, then load the wheel, then answer on input.
const request = {
  application_date: "2026-11-27",
  enterprise: { legal_form: "bv", region: "vlaanderen", public_participation_pct: "0", main_activity_eligible: true,
    fte: "12,5", turnover: "1.500.000", balance_total: "900.000", linked: [], partners: [], locked_size: null },
  services: [{ kind: "pentest", amount: "8.000,00", start_date: "2026-11-20" }],
};

async function main() {
  const pyodide = await loadPyodide();
  await pyodide.loadPackage(new URL("kmo_calculator.whl", location.href).href);
  const evaluate = pyodide.runPython(`
import json
from calculator import evaluate
lambda text: json.dumps(evaluate(json.loads(text)))
`);
  const input = document.getElementById("bedrag");
  const output = document.getElementById("steun");
  const update = () => {
    request.services[0].amount = input.value;
    output.textContent = JSON.parse(evaluate(JSON.stringify(request))).support_total;
  };
  input.addEventListener("input", update);
  update();
  document.querySelector("[data-calculator]").dataset.state = "ready";
}

main();
