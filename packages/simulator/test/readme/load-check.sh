pnpm --filter @resilient-llm/simulator run build
node packages/simulator/bench/load.ts --seconds 20          # server in a child process
node packages/simulator/bench/load.ts --seconds 5 --in-process
