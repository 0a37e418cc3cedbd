import { apiError } from "@/lib/api/http";

// Unknown API paths answer in JSON, like the rest of the API.
const notFound = async () => apiError("not_found", "Không có địa chỉ API này; xem /api/v1/openapi.json. / No such API endpoint; see /api/v1/openapi.json.");
export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
