// Who is calling. Always taken from the auth context (JWT or API key), never from arguments.

export type Role = 'ADMIN' | 'REGULATOR' | 'DEPARTMENT';

export interface UserPrincipal {
  kind: 'USER';
  userId: string;
  username: string;
  role: 'ADMIN' | 'REGULATOR';
  regionCode: string | null;
}

export interface DepartmentPrincipal {
  kind: 'DEPARTMENT';
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  apiKeyId: string;
}

export type Principal = UserPrincipal | DepartmentPrincipal;

export function roleOf(principal: Principal): Role {
  return principal.kind === 'DEPARTMENT' ? 'DEPARTMENT' : principal.role;
}

/** The audit log's view of a principal. */
export function actorOf(principal: Principal): { type: 'USER' | 'DEPARTMENT'; id: string; name: string } {
  return principal.kind === 'DEPARTMENT'
    ? { type: 'DEPARTMENT', id: principal.departmentId, name: principal.departmentCode }
    : { type: 'USER', id: principal.userId, name: principal.username };
}
