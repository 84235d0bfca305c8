// A validation thread of PenaltyValidationPool: validates and prepares whole batches (BatchPreparation.validate,
// without pausing: nothing else waits on this thread) and posts back what the API's thread would have computed.
import { parentPort, workerData } from 'node:worker_threads';
import { BatchPreparation, BatchValidationInput, PreparationSecrets } from './penalty-batch.validation';

export interface ValidationRequest extends BatchValidationInput {
  id: number;
}

const preparation = new BatchPreparation((workerData as { secrets: PreparationSecrets }).secrets);
const port = parentPort;
if (port === null) throw new Error('penalty-validation.worker runs as a worker thread of PenaltyValidationPool');

port.on('message', (request: ValidationRequest) => {
  preparation.validate(request).then(
    // The COPY data's buffer is handed over, not copied.
    (outcome) => port.postMessage({ id: request.id, outcome }, [outcome.copyTails.bytes.buffer as ArrayBuffer]),
    // A fault of the code, not of the input (bad input is an item's errors): its message only, as a string.
    (error: unknown) => port.postMessage({ id: request.id, fault: error instanceof Error ? error.message : String(error) }),
  );
});
