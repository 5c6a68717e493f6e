// The users a server serves: a seeded base generated once at start, plus whatever CreateUser, UpdateUser and
// DeleteUser did since. Every write replaces a whole object (copy on write), so a User already handed to a
// reader (and possibly still being encoded) never changes underneath it.
import type { shop } from "../../proto/generated/shop.js";
import { generateUser, userId } from "../../payloads/generator.js";

export interface UserStoreOptions {
  seed: number;
  /** Seeded users, ids userId(1..userCount): "u-1" … */
  userCount: number;
  /**
   * Users created through CreateUser that are kept; past it the oldest created user is forgotten (it then reads
   * as NOT_FOUND). Bounds memory under a CreateUser load test; seeded users are never evicted.
   */
  maxCreatedUsers: number;
}

export class UserStore {
  /** Live users in listing order (JS Maps iterate in insertion order; replacing a value keeps its place). */
  private readonly users = new Map<string, shop.v1.IUser>();
  private readonly seedIds = new Set<string>();
  /** Ids of live created users, oldest first, for FIFO eviction. */
  private readonly created = new Set<string>();
  private nextIndex: number;
  /** The users as an array for ListUsers paging; rebuilt lazily after a write. */
  private listing: shop.v1.IUser[] | null = null;

  constructor(private readonly options: UserStoreOptions) {
    for (let i = 1; i <= options.userCount; i++) {
      const user = generateUser(options.seed, i);
      const id = user.id ?? userId(i);
      this.users.set(id, user);
      this.seedIds.add(id);
    }
    this.nextIndex = options.userCount + 1;
  }

  get(id: string): shop.v1.IUser | undefined {
    return this.users.get(id);
  }

  get size(): number {
    return this.users.size;
  }

  /** Users [offset, offset + count) in listing order: seeded users by index, then created users by age. */
  page(offset: number, count: number): shop.v1.IUser[] {
    this.listing ??= [...this.users.values()];
    return this.listing.slice(offset, offset + count);
  }

  /** Stores a new user under a fresh id (never reused) and returns it. */
  create(fields: Omit<shop.v1.IUser, "id">): shop.v1.IUser {
    let id = userId(this.nextIndex++);
    while (this.users.has(id) || this.seedIds.has(id)) id = userId(this.nextIndex++);
    const user: shop.v1.IUser = { ...fields, id };
    this.users.set(id, user);
    this.created.add(id);
    if (this.created.size > this.options.maxCreatedUsers) {
      const oldest = this.created.values().next().value as string;
      this.created.delete(oldest);
      this.users.delete(oldest);
    }
    this.listing = null;
    return user;
  }

  /** Replaces a live user with a new object; the previous object is left untouched. */
  replace(user: shop.v1.IUser & { id: string }): void {
    this.users.set(user.id, user);
    this.listing = null;
  }

  delete(id: string): boolean {
    if (!this.users.delete(id)) return false;
    this.created.delete(id);
    this.listing = null;
    return true;
  }
}
