import { jsonBody, type Reply, type Req } from '../http';

/** ARM's error body: `{"error":{"code","message"}}`. */
export function armError(status: number, code: string, message: string, headers?: Record<string, string>): Reply {
  return { status, headers, body: { error: { code, message } } };
}

export const notFoundResource = (type: string, name: string, resourceGroup: string | undefined) =>
  armError(
    404,
    'ResourceNotFound',
    resourceGroup
      ? `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`
      : `The Resource '${type}/${name}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );

export const resourceGroupNotFound = (rg: string) => armError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);

export const subscriptionNotFound = (sub: string) => armError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);

export const parentNotFound = (parentName: string) =>
  armError(
    404,
    'ParentResourceNotFound',
    `Failed to perform 'read' on resource(s) of type '${parentName}' because the parent resource could not be found. Can not perform requested operation on nested resource. Parent resource '${parentName}' not found.`,
  );

export const invalidRequestContent = (message: string) => armError(400, 'InvalidRequestContent', message);

/** The request's JSON object body (`{}` when empty), or ARM's 400 when it is not one. */
export function readJsonObject(req: Req): { body: Record<string, unknown> } | { error: Reply } {
  try {
    const body = jsonBody(req) ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: invalidRequestContent('The request content must be a JSON object.') };
    return { body: body as Record<string, unknown> };
  } catch (e) {
    return { error: invalidRequestContent(`The request content was invalid and could not be deserialized: '${(e as Error).message}'.`) };
  }
}
