// The coding model's refusals (shared/src/coding) as API errors, in the model's own words.
import { AnchorError, CodebookError, LayerFullError } from "@concord/shared";
import { errors, type ApiError } from "../errors";

/** Turns a refusal of the coding model into an API error; anything else is rethrown. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof LayerFullError) return errors.tooLarge(error.message);
  if (error instanceof AnchorError) return errors.validation(error.message, { problem: error.problem });
  if (error instanceof CodebookError) {
    if (error.problem === "too_many") return errors.tooLarge(error.message);
    if (error.problem === "not_deleted" || error.problem === "merged") return errors.conflict(error.message);
    return errors.validation(error.message, { problem: error.problem });
  }
  throw error;
}

/** Runs `work`, turning the model's refusals into API errors. */
export async function refusalsAsErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asApiError(error);
  }
}
