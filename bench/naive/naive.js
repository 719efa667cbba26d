// The naive embed: boot Pyodide on the main thread with its defaults, then load the wheel, then answer on input.
// The interface's example request (examples/request.json), written in by bench/site.py.
const request = __REQUEST__;

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
