npx resilient-llm-sim --scenario 429-storm --port 8787
# prints http://127.0.0.1:8787/v1
