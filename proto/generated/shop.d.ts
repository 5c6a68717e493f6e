import * as $protobuf from "protobufjs";
import Long = require("long");
/** Namespace shop. */
export namespace shop {

    /** Namespace v1. */
    namespace v1 {

        /** UserStatus enum. */
        enum UserStatus {
            USER_STATUS_UNSPECIFIED = 0,
            USER_STATUS_ACTIVE = 1,
            USER_STATUS_INACTIVE = 2,
            USER_STATUS_SUSPENDED = 3
        }

        /** Properties of a User. */
        interface IUser {

            /** User id */
            id?: (string|null);

            /** User name */
            name?: (string|null);

            /** User email */
            email?: (string|null);

            /** User age */
            age?: (number|null);

            /** User active */
            active?: (boolean|null);

            /** User roles */
            roles?: (string[]|null);

            /** User metadata */
            metadata?: ({ [k: string]: string }|null);

            /** User createdAt */
            createdAt?: (google.protobuf.ITimestamp|null);

            /** User status */
            status?: (shop.v1.UserStatus|null);

            /** User lifetimeSpendCents */
            lifetimeSpendCents?: (number|Long|null);

            /** User rating */
            rating?: (number|null);
        }

        /** Represents a User. */
        class User implements IUser {

            /**
             * Constructs a new User.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IUser);

            /** User id. */
            public id: string;

            /** User name. */
            public name: string;

            /** User email. */
            public email: string;

            /** User age. */
            public age: number;

            /** User active. */
            public active: boolean;

            /** User roles. */
            public roles: string[];

            /** User metadata. */
            public metadata: { [k: string]: string };

            /** User createdAt. */
            public createdAt?: (google.protobuf.ITimestamp|null);

            /** User status. */
            public status: shop.v1.UserStatus;

            /** User lifetimeSpendCents. */
            public lifetimeSpendCents: (number|Long);

            /** User rating. */
            public rating: number;

            /**
             * Creates a new User instance using the specified properties.
             * @param [properties] Properties to set
             * @returns User instance
             */
            public static create(properties?: shop.v1.IUser): shop.v1.User;

            /**
             * Encodes the specified User message. Does not implicitly {@link shop.v1.User.verify|verify} messages.
             * @param m User message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IUser, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified User message, length delimited. Does not implicitly {@link shop.v1.User.verify|verify} messages.
             * @param message User message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IUser, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a User message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns User
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.User;

            /**
             * Decodes a User message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns User
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.User;

            /**
             * Verifies a User message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a User message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns User
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.User;

            /**
             * Creates a plain object from a User message. Also converts values to other types if specified.
             * @param m User
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.User, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this User to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for User
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** OrderStatus enum. */
        enum OrderStatus {
            ORDER_STATUS_UNSPECIFIED = 0,
            ORDER_STATUS_PENDING = 1,
            ORDER_STATUS_PAID = 2,
            ORDER_STATUS_SHIPPED = 3,
            ORDER_STATUS_DELIVERED = 4,
            ORDER_STATUS_CANCELLED = 5
        }

        /** Properties of an OrderItem. */
        interface IOrderItem {

            /** OrderItem productId */
            productId?: (string|null);

            /** OrderItem name */
            name?: (string|null);

            /** OrderItem quantity */
            quantity?: (number|null);

            /** OrderItem unitPriceCents */
            unitPriceCents?: (number|Long|null);
        }

        /** Represents an OrderItem. */
        class OrderItem implements IOrderItem {

            /**
             * Constructs a new OrderItem.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IOrderItem);

            /** OrderItem productId. */
            public productId: string;

            /** OrderItem name. */
            public name: string;

            /** OrderItem quantity. */
            public quantity: number;

            /** OrderItem unitPriceCents. */
            public unitPriceCents: (number|Long);

            /**
             * Creates a new OrderItem instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OrderItem instance
             */
            public static create(properties?: shop.v1.IOrderItem): shop.v1.OrderItem;

            /**
             * Encodes the specified OrderItem message. Does not implicitly {@link shop.v1.OrderItem.verify|verify} messages.
             * @param m OrderItem message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IOrderItem, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified OrderItem message, length delimited. Does not implicitly {@link shop.v1.OrderItem.verify|verify} messages.
             * @param message OrderItem message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IOrderItem, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OrderItem message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns OrderItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.OrderItem;

            /**
             * Decodes an OrderItem message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns OrderItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.OrderItem;

            /**
             * Verifies an OrderItem message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an OrderItem message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns OrderItem
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.OrderItem;

            /**
             * Creates a plain object from an OrderItem message. Also converts values to other types if specified.
             * @param m OrderItem
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.OrderItem, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this OrderItem to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for OrderItem
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of an Order. */
        interface IOrder {

            /** Order id */
            id?: (string|null);

            /** Order userId */
            userId?: (string|null);

            /** Order items */
            items?: (shop.v1.IOrderItem[]|null);

            /** Order totalCents */
            totalCents?: (number|Long|null);

            /** Order currency */
            currency?: (string|null);

            /** Order status */
            status?: (shop.v1.OrderStatus|null);

            /** Order createdAt */
            createdAt?: (google.protobuf.ITimestamp|null);

            /** Order weightKg */
            weightKg?: (number|null);

            /** Order attributes */
            attributes?: ({ [k: string]: string }|null);
        }

        /** Represents an Order. */
        class Order implements IOrder {

            /**
             * Constructs a new Order.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IOrder);

            /** Order id. */
            public id: string;

            /** Order userId. */
            public userId: string;

            /** Order items. */
            public items: shop.v1.IOrderItem[];

            /** Order totalCents. */
            public totalCents: (number|Long);

            /** Order currency. */
            public currency: string;

            /** Order status. */
            public status: shop.v1.OrderStatus;

            /** Order createdAt. */
            public createdAt?: (google.protobuf.ITimestamp|null);

            /** Order weightKg. */
            public weightKg: number;

            /** Order attributes. */
            public attributes: { [k: string]: string };

            /**
             * Creates a new Order instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Order instance
             */
            public static create(properties?: shop.v1.IOrder): shop.v1.Order;

            /**
             * Encodes the specified Order message. Does not implicitly {@link shop.v1.Order.verify|verify} messages.
             * @param m Order message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IOrder, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Order message, length delimited. Does not implicitly {@link shop.v1.Order.verify|verify} messages.
             * @param message Order message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IOrder, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Order message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns Order
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.Order;

            /**
             * Decodes an Order message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns Order
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.Order;

            /**
             * Verifies an Order message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an Order message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Order
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.Order;

            /**
             * Creates a plain object from an Order message. Also converts values to other types if specified.
             * @param m Order
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.Order, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Order to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for Order
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of a GetUserRequest. */
        interface IGetUserRequest {

            /** GetUserRequest userId */
            userId?: (string|null);
        }

        /** Represents a GetUserRequest. */
        class GetUserRequest implements IGetUserRequest {

            /**
             * Constructs a new GetUserRequest.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IGetUserRequest);

            /** GetUserRequest userId. */
            public userId: string;

            /**
             * Creates a new GetUserRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GetUserRequest instance
             */
            public static create(properties?: shop.v1.IGetUserRequest): shop.v1.GetUserRequest;

            /**
             * Encodes the specified GetUserRequest message. Does not implicitly {@link shop.v1.GetUserRequest.verify|verify} messages.
             * @param m GetUserRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IGetUserRequest, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified GetUserRequest message, length delimited. Does not implicitly {@link shop.v1.GetUserRequest.verify|verify} messages.
             * @param message GetUserRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IGetUserRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetUserRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns GetUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.GetUserRequest;

            /**
             * Decodes a GetUserRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns GetUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.GetUserRequest;

            /**
             * Verifies a GetUserRequest message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a GetUserRequest message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns GetUserRequest
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.GetUserRequest;

            /**
             * Creates a plain object from a GetUserRequest message. Also converts values to other types if specified.
             * @param m GetUserRequest
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.GetUserRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GetUserRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for GetUserRequest
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of a ListUsersRequest. */
        interface IListUsersRequest {

            /** ListUsersRequest pageSize */
            pageSize?: (number|null);

            /** ListUsersRequest pageToken */
            pageToken?: (string|null);
        }

        /** Represents a ListUsersRequest. */
        class ListUsersRequest implements IListUsersRequest {

            /**
             * Constructs a new ListUsersRequest.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IListUsersRequest);

            /** ListUsersRequest pageSize. */
            public pageSize: number;

            /** ListUsersRequest pageToken. */
            public pageToken: string;

            /**
             * Creates a new ListUsersRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ListUsersRequest instance
             */
            public static create(properties?: shop.v1.IListUsersRequest): shop.v1.ListUsersRequest;

            /**
             * Encodes the specified ListUsersRequest message. Does not implicitly {@link shop.v1.ListUsersRequest.verify|verify} messages.
             * @param m ListUsersRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IListUsersRequest, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ListUsersRequest message, length delimited. Does not implicitly {@link shop.v1.ListUsersRequest.verify|verify} messages.
             * @param message ListUsersRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IListUsersRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListUsersRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns ListUsersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.ListUsersRequest;

            /**
             * Decodes a ListUsersRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns ListUsersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.ListUsersRequest;

            /**
             * Verifies a ListUsersRequest message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ListUsersRequest message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ListUsersRequest
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.ListUsersRequest;

            /**
             * Creates a plain object from a ListUsersRequest message. Also converts values to other types if specified.
             * @param m ListUsersRequest
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.ListUsersRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListUsersRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for ListUsersRequest
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of a ListUsersResponse. */
        interface IListUsersResponse {

            /** ListUsersResponse users */
            users?: (shop.v1.IUser[]|null);

            /** ListUsersResponse nextPageToken */
            nextPageToken?: (string|null);
        }

        /** Represents a ListUsersResponse. */
        class ListUsersResponse implements IListUsersResponse {

            /**
             * Constructs a new ListUsersResponse.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IListUsersResponse);

            /** ListUsersResponse users. */
            public users: shop.v1.IUser[];

            /** ListUsersResponse nextPageToken. */
            public nextPageToken: string;

            /**
             * Creates a new ListUsersResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ListUsersResponse instance
             */
            public static create(properties?: shop.v1.IListUsersResponse): shop.v1.ListUsersResponse;

            /**
             * Encodes the specified ListUsersResponse message. Does not implicitly {@link shop.v1.ListUsersResponse.verify|verify} messages.
             * @param m ListUsersResponse message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IListUsersResponse, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ListUsersResponse message, length delimited. Does not implicitly {@link shop.v1.ListUsersResponse.verify|verify} messages.
             * @param message ListUsersResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IListUsersResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListUsersResponse message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns ListUsersResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.ListUsersResponse;

            /**
             * Decodes a ListUsersResponse message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns ListUsersResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.ListUsersResponse;

            /**
             * Verifies a ListUsersResponse message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ListUsersResponse message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ListUsersResponse
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.ListUsersResponse;

            /**
             * Creates a plain object from a ListUsersResponse message. Also converts values to other types if specified.
             * @param m ListUsersResponse
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.ListUsersResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListUsersResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for ListUsersResponse
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of a CreateUserRequest. */
        interface ICreateUserRequest {

            /** CreateUserRequest user */
            user?: (shop.v1.IUser|null);
        }

        /** Represents a CreateUserRequest. */
        class CreateUserRequest implements ICreateUserRequest {

            /**
             * Constructs a new CreateUserRequest.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.ICreateUserRequest);

            /** CreateUserRequest user. */
            public user?: (shop.v1.IUser|null);

            /**
             * Creates a new CreateUserRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CreateUserRequest instance
             */
            public static create(properties?: shop.v1.ICreateUserRequest): shop.v1.CreateUserRequest;

            /**
             * Encodes the specified CreateUserRequest message. Does not implicitly {@link shop.v1.CreateUserRequest.verify|verify} messages.
             * @param m CreateUserRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.ICreateUserRequest, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CreateUserRequest message, length delimited. Does not implicitly {@link shop.v1.CreateUserRequest.verify|verify} messages.
             * @param message CreateUserRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.ICreateUserRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CreateUserRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns CreateUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.CreateUserRequest;

            /**
             * Decodes a CreateUserRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns CreateUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.CreateUserRequest;

            /**
             * Verifies a CreateUserRequest message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a CreateUserRequest message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns CreateUserRequest
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.CreateUserRequest;

            /**
             * Creates a plain object from a CreateUserRequest message. Also converts values to other types if specified.
             * @param m CreateUserRequest
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.CreateUserRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CreateUserRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for CreateUserRequest
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of an UpdateUserRequest. */
        interface IUpdateUserRequest {

            /** UpdateUserRequest userId */
            userId?: (string|null);

            /** UpdateUserRequest user */
            user?: (shop.v1.IUser|null);
        }

        /** Represents an UpdateUserRequest. */
        class UpdateUserRequest implements IUpdateUserRequest {

            /**
             * Constructs a new UpdateUserRequest.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IUpdateUserRequest);

            /** UpdateUserRequest userId. */
            public userId: string;

            /** UpdateUserRequest user. */
            public user?: (shop.v1.IUser|null);

            /**
             * Creates a new UpdateUserRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns UpdateUserRequest instance
             */
            public static create(properties?: shop.v1.IUpdateUserRequest): shop.v1.UpdateUserRequest;

            /**
             * Encodes the specified UpdateUserRequest message. Does not implicitly {@link shop.v1.UpdateUserRequest.verify|verify} messages.
             * @param m UpdateUserRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IUpdateUserRequest, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified UpdateUserRequest message, length delimited. Does not implicitly {@link shop.v1.UpdateUserRequest.verify|verify} messages.
             * @param message UpdateUserRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IUpdateUserRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UpdateUserRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns UpdateUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.UpdateUserRequest;

            /**
             * Decodes an UpdateUserRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns UpdateUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.UpdateUserRequest;

            /**
             * Verifies an UpdateUserRequest message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an UpdateUserRequest message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns UpdateUserRequest
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.UpdateUserRequest;

            /**
             * Creates a plain object from an UpdateUserRequest message. Also converts values to other types if specified.
             * @param m UpdateUserRequest
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.UpdateUserRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this UpdateUserRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for UpdateUserRequest
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of a DeleteUserRequest. */
        interface IDeleteUserRequest {

            /** DeleteUserRequest userId */
            userId?: (string|null);
        }

        /** Represents a DeleteUserRequest. */
        class DeleteUserRequest implements IDeleteUserRequest {

            /**
             * Constructs a new DeleteUserRequest.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IDeleteUserRequest);

            /** DeleteUserRequest userId. */
            public userId: string;

            /**
             * Creates a new DeleteUserRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeleteUserRequest instance
             */
            public static create(properties?: shop.v1.IDeleteUserRequest): shop.v1.DeleteUserRequest;

            /**
             * Encodes the specified DeleteUserRequest message. Does not implicitly {@link shop.v1.DeleteUserRequest.verify|verify} messages.
             * @param m DeleteUserRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IDeleteUserRequest, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DeleteUserRequest message, length delimited. Does not implicitly {@link shop.v1.DeleteUserRequest.verify|verify} messages.
             * @param message DeleteUserRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IDeleteUserRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeleteUserRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns DeleteUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.DeleteUserRequest;

            /**
             * Decodes a DeleteUserRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns DeleteUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.DeleteUserRequest;

            /**
             * Verifies a DeleteUserRequest message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a DeleteUserRequest message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns DeleteUserRequest
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.DeleteUserRequest;

            /**
             * Creates a plain object from a DeleteUserRequest message. Also converts values to other types if specified.
             * @param m DeleteUserRequest
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.DeleteUserRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeleteUserRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for DeleteUserRequest
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Represents a UserService */
        class UserService extends $protobuf.rpc.Service {

            /**
             * Constructs a new UserService service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Creates new UserService service using the specified rpc implementation.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             * @returns RPC service. Useful where requests and/or responses are streamed.
             */
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): UserService;

            /**
             * Calls GetUser.
             * @param request GetUserRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and User
             */
            public getUser(request: shop.v1.IGetUserRequest, callback: shop.v1.UserService.GetUserCallback): void;

            /**
             * Calls GetUser.
             * @param request GetUserRequest message or plain object
             * @returns Promise
             */
            public getUser(request: shop.v1.IGetUserRequest): Promise<shop.v1.User>;

            /**
             * Calls ListUsers.
             * @param request ListUsersRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ListUsersResponse
             */
            public listUsers(request: shop.v1.IListUsersRequest, callback: shop.v1.UserService.ListUsersCallback): void;

            /**
             * Calls ListUsers.
             * @param request ListUsersRequest message or plain object
             * @returns Promise
             */
            public listUsers(request: shop.v1.IListUsersRequest): Promise<shop.v1.ListUsersResponse>;

            /**
             * Calls CreateUser.
             * @param request CreateUserRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and User
             */
            public createUser(request: shop.v1.ICreateUserRequest, callback: shop.v1.UserService.CreateUserCallback): void;

            /**
             * Calls CreateUser.
             * @param request CreateUserRequest message or plain object
             * @returns Promise
             */
            public createUser(request: shop.v1.ICreateUserRequest): Promise<shop.v1.User>;

            /**
             * Calls UpdateUser.
             * @param request UpdateUserRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and User
             */
            public updateUser(request: shop.v1.IUpdateUserRequest, callback: shop.v1.UserService.UpdateUserCallback): void;

            /**
             * Calls UpdateUser.
             * @param request UpdateUserRequest message or plain object
             * @returns Promise
             */
            public updateUser(request: shop.v1.IUpdateUserRequest): Promise<shop.v1.User>;

            /**
             * Calls DeleteUser.
             * @param request DeleteUserRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Empty
             */
            public deleteUser(request: shop.v1.IDeleteUserRequest, callback: shop.v1.UserService.DeleteUserCallback): void;

            /**
             * Calls DeleteUser.
             * @param request DeleteUserRequest message or plain object
             * @returns Promise
             */
            public deleteUser(request: shop.v1.IDeleteUserRequest): Promise<google.protobuf.Empty>;
        }

        namespace UserService {

            /**
             * Callback as used by {@link shop.v1.UserService#getUser}.
             * @param error Error, if any
             * @param [response] User
             */
            type GetUserCallback = (error: (Error|null), response?: shop.v1.User) => void;

            /**
             * Callback as used by {@link shop.v1.UserService#listUsers}.
             * @param error Error, if any
             * @param [response] ListUsersResponse
             */
            type ListUsersCallback = (error: (Error|null), response?: shop.v1.ListUsersResponse) => void;

            /**
             * Callback as used by {@link shop.v1.UserService#createUser}.
             * @param error Error, if any
             * @param [response] User
             */
            type CreateUserCallback = (error: (Error|null), response?: shop.v1.User) => void;

            /**
             * Callback as used by {@link shop.v1.UserService#updateUser}.
             * @param error Error, if any
             * @param [response] User
             */
            type UpdateUserCallback = (error: (Error|null), response?: shop.v1.User) => void;

            /**
             * Callback as used by {@link shop.v1.UserService#deleteUser}.
             * @param error Error, if any
             * @param [response] Empty
             */
            type DeleteUserCallback = (error: (Error|null), response?: google.protobuf.Empty) => void;
        }

        /** Properties of a ListOrdersRequest. */
        interface IListOrdersRequest {

            /** ListOrdersRequest userId */
            userId?: (string|null);

            /** ListOrdersRequest limit */
            limit?: (number|null);

            /** ListOrdersRequest pageSize */
            pageSize?: (number|null);

            /** ListOrdersRequest pageToken */
            pageToken?: (string|null);
        }

        /** Represents a ListOrdersRequest. */
        class ListOrdersRequest implements IListOrdersRequest {

            /**
             * Constructs a new ListOrdersRequest.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IListOrdersRequest);

            /** ListOrdersRequest userId. */
            public userId: string;

            /** ListOrdersRequest limit. */
            public limit: number;

            /** ListOrdersRequest pageSize. */
            public pageSize: number;

            /** ListOrdersRequest pageToken. */
            public pageToken: string;

            /**
             * Creates a new ListOrdersRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ListOrdersRequest instance
             */
            public static create(properties?: shop.v1.IListOrdersRequest): shop.v1.ListOrdersRequest;

            /**
             * Encodes the specified ListOrdersRequest message. Does not implicitly {@link shop.v1.ListOrdersRequest.verify|verify} messages.
             * @param m ListOrdersRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IListOrdersRequest, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ListOrdersRequest message, length delimited. Does not implicitly {@link shop.v1.ListOrdersRequest.verify|verify} messages.
             * @param message ListOrdersRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IListOrdersRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListOrdersRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns ListOrdersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.ListOrdersRequest;

            /**
             * Decodes a ListOrdersRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns ListOrdersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.ListOrdersRequest;

            /**
             * Verifies a ListOrdersRequest message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ListOrdersRequest message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ListOrdersRequest
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.ListOrdersRequest;

            /**
             * Creates a plain object from a ListOrdersRequest message. Also converts values to other types if specified.
             * @param m ListOrdersRequest
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.ListOrdersRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListOrdersRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for ListOrdersRequest
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of a ListOrdersResponse. */
        interface IListOrdersResponse {

            /** ListOrdersResponse orders */
            orders?: (shop.v1.IOrder[]|null);

            /** ListOrdersResponse nextPageToken */
            nextPageToken?: (string|null);
        }

        /** Represents a ListOrdersResponse. */
        class ListOrdersResponse implements IListOrdersResponse {

            /**
             * Constructs a new ListOrdersResponse.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IListOrdersResponse);

            /** ListOrdersResponse orders. */
            public orders: shop.v1.IOrder[];

            /** ListOrdersResponse nextPageToken. */
            public nextPageToken: string;

            /**
             * Creates a new ListOrdersResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ListOrdersResponse instance
             */
            public static create(properties?: shop.v1.IListOrdersResponse): shop.v1.ListOrdersResponse;

            /**
             * Encodes the specified ListOrdersResponse message. Does not implicitly {@link shop.v1.ListOrdersResponse.verify|verify} messages.
             * @param m ListOrdersResponse message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IListOrdersResponse, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ListOrdersResponse message, length delimited. Does not implicitly {@link shop.v1.ListOrdersResponse.verify|verify} messages.
             * @param message ListOrdersResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IListOrdersResponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListOrdersResponse message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns ListOrdersResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.ListOrdersResponse;

            /**
             * Decodes a ListOrdersResponse message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns ListOrdersResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.ListOrdersResponse;

            /**
             * Verifies a ListOrdersResponse message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ListOrdersResponse message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ListOrdersResponse
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.ListOrdersResponse;

            /**
             * Creates a plain object from a ListOrdersResponse message. Also converts values to other types if specified.
             * @param m ListOrdersResponse
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.ListOrdersResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListOrdersResponse to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for ListOrdersResponse
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of a StreamOrdersRequest. */
        interface IStreamOrdersRequest {

            /** StreamOrdersRequest userId */
            userId?: (string|null);

            /** StreamOrdersRequest limit */
            limit?: (number|null);
        }

        /** Represents a StreamOrdersRequest. */
        class StreamOrdersRequest implements IStreamOrdersRequest {

            /**
             * Constructs a new StreamOrdersRequest.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IStreamOrdersRequest);

            /** StreamOrdersRequest userId. */
            public userId: string;

            /** StreamOrdersRequest limit. */
            public limit: number;

            /**
             * Creates a new StreamOrdersRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StreamOrdersRequest instance
             */
            public static create(properties?: shop.v1.IStreamOrdersRequest): shop.v1.StreamOrdersRequest;

            /**
             * Encodes the specified StreamOrdersRequest message. Does not implicitly {@link shop.v1.StreamOrdersRequest.verify|verify} messages.
             * @param m StreamOrdersRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IStreamOrdersRequest, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified StreamOrdersRequest message, length delimited. Does not implicitly {@link shop.v1.StreamOrdersRequest.verify|verify} messages.
             * @param message StreamOrdersRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IStreamOrdersRequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StreamOrdersRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns StreamOrdersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.StreamOrdersRequest;

            /**
             * Decodes a StreamOrdersRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns StreamOrdersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.StreamOrdersRequest;

            /**
             * Verifies a StreamOrdersRequest message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a StreamOrdersRequest message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns StreamOrdersRequest
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.StreamOrdersRequest;

            /**
             * Creates a plain object from a StreamOrdersRequest message. Also converts values to other types if specified.
             * @param m StreamOrdersRequest
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.StreamOrdersRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StreamOrdersRequest to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for StreamOrdersRequest
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Represents an OrderService */
        class OrderService extends $protobuf.rpc.Service {

            /**
             * Constructs a new OrderService service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Creates new OrderService service using the specified rpc implementation.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             * @returns RPC service. Useful where requests and/or responses are streamed.
             */
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): OrderService;

            /**
             * Calls ListOrders.
             * @param request ListOrdersRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and ListOrdersResponse
             */
            public listOrders(request: shop.v1.IListOrdersRequest, callback: shop.v1.OrderService.ListOrdersCallback): void;

            /**
             * Calls ListOrders.
             * @param request ListOrdersRequest message or plain object
             * @returns Promise
             */
            public listOrders(request: shop.v1.IListOrdersRequest): Promise<shop.v1.ListOrdersResponse>;

            /**
             * Calls StreamOrders.
             * @param request StreamOrdersRequest message or plain object
             * @param callback Node-style callback called with the error, if any, and Order
             */
            public streamOrders(request: shop.v1.IStreamOrdersRequest, callback: shop.v1.OrderService.StreamOrdersCallback): void;

            /**
             * Calls StreamOrders.
             * @param request StreamOrdersRequest message or plain object
             * @returns Promise
             */
            public streamOrders(request: shop.v1.IStreamOrdersRequest): Promise<shop.v1.Order>;
        }

        namespace OrderService {

            /**
             * Callback as used by {@link shop.v1.OrderService#listOrders}.
             * @param error Error, if any
             * @param [response] ListOrdersResponse
             */
            type ListOrdersCallback = (error: (Error|null), response?: shop.v1.ListOrdersResponse) => void;

            /**
             * Callback as used by {@link shop.v1.OrderService#streamOrders}.
             * @param error Error, if any
             * @param [response] Order
             */
            type StreamOrdersCallback = (error: (Error|null), response?: shop.v1.Order) => void;
        }

        /** Properties of an UploadChunk. */
        interface IUploadChunk {

            /** UploadChunk data */
            data?: (Uint8Array|null);
        }

        /** Represents an UploadChunk. */
        class UploadChunk implements IUploadChunk {

            /**
             * Constructs a new UploadChunk.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IUploadChunk);

            /** UploadChunk data. */
            public data: Uint8Array;

            /**
             * Creates a new UploadChunk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns UploadChunk instance
             */
            public static create(properties?: shop.v1.IUploadChunk): shop.v1.UploadChunk;

            /**
             * Encodes the specified UploadChunk message. Does not implicitly {@link shop.v1.UploadChunk.verify|verify} messages.
             * @param m UploadChunk message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IUploadChunk, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified UploadChunk message, length delimited. Does not implicitly {@link shop.v1.UploadChunk.verify|verify} messages.
             * @param message UploadChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IUploadChunk, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UploadChunk message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns UploadChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.UploadChunk;

            /**
             * Decodes an UploadChunk message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns UploadChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.UploadChunk;

            /**
             * Verifies an UploadChunk message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an UploadChunk message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns UploadChunk
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.UploadChunk;

            /**
             * Creates a plain object from an UploadChunk message. Also converts values to other types if specified.
             * @param m UploadChunk
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.UploadChunk, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this UploadChunk to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for UploadChunk
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of an UploadResult. */
        interface IUploadResult {

            /** UploadResult size */
            size?: (number|Long|null);

            /** UploadResult sha256 */
            sha256?: (string|null);

            /** UploadResult chunks */
            chunks?: (number|null);
        }

        /** Represents an UploadResult. */
        class UploadResult implements IUploadResult {

            /**
             * Constructs a new UploadResult.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IUploadResult);

            /** UploadResult size. */
            public size: (number|Long);

            /** UploadResult sha256. */
            public sha256: string;

            /** UploadResult chunks. */
            public chunks: number;

            /**
             * Creates a new UploadResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns UploadResult instance
             */
            public static create(properties?: shop.v1.IUploadResult): shop.v1.UploadResult;

            /**
             * Encodes the specified UploadResult message. Does not implicitly {@link shop.v1.UploadResult.verify|verify} messages.
             * @param m UploadResult message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IUploadResult, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified UploadResult message, length delimited. Does not implicitly {@link shop.v1.UploadResult.verify|verify} messages.
             * @param message UploadResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IUploadResult, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UploadResult message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns UploadResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.UploadResult;

            /**
             * Decodes an UploadResult message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns UploadResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.UploadResult;

            /**
             * Verifies an UploadResult message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an UploadResult message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns UploadResult
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.UploadResult;

            /**
             * Creates a plain object from an UploadResult message. Also converts values to other types if specified.
             * @param m UploadResult
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.UploadResult, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this UploadResult to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for UploadResult
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Represents an UploadService */
        class UploadService extends $protobuf.rpc.Service {

            /**
             * Constructs a new UploadService service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Creates new UploadService service using the specified rpc implementation.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             * @returns RPC service. Useful where requests and/or responses are streamed.
             */
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): UploadService;

            /**
             * Calls Upload.
             * @param request UploadChunk message or plain object
             * @param callback Node-style callback called with the error, if any, and UploadResult
             */
            public upload(request: shop.v1.IUploadChunk, callback: shop.v1.UploadService.UploadCallback): void;

            /**
             * Calls Upload.
             * @param request UploadChunk message or plain object
             * @returns Promise
             */
            public upload(request: shop.v1.IUploadChunk): Promise<shop.v1.UploadResult>;
        }

        namespace UploadService {

            /**
             * Callback as used by {@link shop.v1.UploadService#upload}.
             * @param error Error, if any
             * @param [response] UploadResult
             */
            type UploadCallback = (error: (Error|null), response?: shop.v1.UploadResult) => void;
        }

        /** Properties of a ChatMessage. */
        interface IChatMessage {

            /** ChatMessage sessionId */
            sessionId?: (string|null);

            /** ChatMessage sequence */
            sequence?: (number|Long|null);

            /** ChatMessage text */
            text?: (string|null);

            /** ChatMessage sentAt */
            sentAt?: (google.protobuf.ITimestamp|null);

            /** ChatMessage serverTime */
            serverTime?: (google.protobuf.ITimestamp|null);
        }

        /** Represents a ChatMessage. */
        class ChatMessage implements IChatMessage {

            /**
             * Constructs a new ChatMessage.
             * @param [p] Properties to set
             */
            constructor(p?: shop.v1.IChatMessage);

            /** ChatMessage sessionId. */
            public sessionId: string;

            /** ChatMessage sequence. */
            public sequence: (number|Long);

            /** ChatMessage text. */
            public text: string;

            /** ChatMessage sentAt. */
            public sentAt?: (google.protobuf.ITimestamp|null);

            /** ChatMessage serverTime. */
            public serverTime?: (google.protobuf.ITimestamp|null);

            /**
             * Creates a new ChatMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ChatMessage instance
             */
            public static create(properties?: shop.v1.IChatMessage): shop.v1.ChatMessage;

            /**
             * Encodes the specified ChatMessage message. Does not implicitly {@link shop.v1.ChatMessage.verify|verify} messages.
             * @param m ChatMessage message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: shop.v1.IChatMessage, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ChatMessage message, length delimited. Does not implicitly {@link shop.v1.ChatMessage.verify|verify} messages.
             * @param message ChatMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: shop.v1.IChatMessage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ChatMessage message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns ChatMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): shop.v1.ChatMessage;

            /**
             * Decodes a ChatMessage message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns ChatMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): shop.v1.ChatMessage;

            /**
             * Verifies a ChatMessage message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ChatMessage message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ChatMessage
             */
            public static fromObject(d: { [k: string]: any }): shop.v1.ChatMessage;

            /**
             * Creates a plain object from a ChatMessage message. Also converts values to other types if specified.
             * @param m ChatMessage
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: shop.v1.ChatMessage, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ChatMessage to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for ChatMessage
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Represents a ChatService */
        class ChatService extends $protobuf.rpc.Service {

            /**
             * Constructs a new ChatService service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Creates new ChatService service using the specified rpc implementation.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             * @returns RPC service. Useful where requests and/or responses are streamed.
             */
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): ChatService;

            /**
             * Calls Chat.
             * @param request ChatMessage message or plain object
             * @param callback Node-style callback called with the error, if any, and ChatMessage
             */
            public chat(request: shop.v1.IChatMessage, callback: shop.v1.ChatService.ChatCallback): void;

            /**
             * Calls Chat.
             * @param request ChatMessage message or plain object
             * @returns Promise
             */
            public chat(request: shop.v1.IChatMessage): Promise<shop.v1.ChatMessage>;
        }

        namespace ChatService {

            /**
             * Callback as used by {@link shop.v1.ChatService#chat}.
             * @param error Error, if any
             * @param [response] ChatMessage
             */
            type ChatCallback = (error: (Error|null), response?: shop.v1.ChatMessage) => void;
        }
    }
}

/** Namespace google. */
export namespace google {

    /** Namespace protobuf. */
    namespace protobuf {

        /** Properties of an Empty. */
        interface IEmpty {
        }

        /** Represents an Empty. */
        class Empty implements IEmpty {

            /**
             * Constructs a new Empty.
             * @param [p] Properties to set
             */
            constructor(p?: google.protobuf.IEmpty);

            /**
             * Creates a new Empty instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Empty instance
             */
            public static create(properties?: google.protobuf.IEmpty): google.protobuf.Empty;

            /**
             * Encodes the specified Empty message. Does not implicitly {@link google.protobuf.Empty.verify|verify} messages.
             * @param m Empty message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: google.protobuf.IEmpty, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Empty message, length delimited. Does not implicitly {@link google.protobuf.Empty.verify|verify} messages.
             * @param message Empty message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: google.protobuf.IEmpty, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Empty message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns Empty
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): google.protobuf.Empty;

            /**
             * Decodes an Empty message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns Empty
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): google.protobuf.Empty;

            /**
             * Verifies an Empty message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an Empty message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Empty
             */
            public static fromObject(d: { [k: string]: any }): google.protobuf.Empty;

            /**
             * Creates a plain object from an Empty message. Also converts values to other types if specified.
             * @param m Empty
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: google.protobuf.Empty, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Empty to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for Empty
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of a Timestamp. */
        interface ITimestamp {

            /** Timestamp seconds */
            seconds?: (number|Long|null);

            /** Timestamp nanos */
            nanos?: (number|null);
        }

        /** Represents a Timestamp. */
        class Timestamp implements ITimestamp {

            /**
             * Constructs a new Timestamp.
             * @param [p] Properties to set
             */
            constructor(p?: google.protobuf.ITimestamp);

            /** Timestamp seconds. */
            public seconds: (number|Long);

            /** Timestamp nanos. */
            public nanos: number;

            /**
             * Creates a new Timestamp instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Timestamp instance
             */
            public static create(properties?: google.protobuf.ITimestamp): google.protobuf.Timestamp;

            /**
             * Encodes the specified Timestamp message. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @param m Timestamp message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            public static encode(m: google.protobuf.ITimestamp, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Timestamp message, length delimited. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @param message Timestamp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encodeDelimited(message: google.protobuf.ITimestamp, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Timestamp message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): google.protobuf.Timestamp;

            /**
             * Decodes a Timestamp message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): google.protobuf.Timestamp;

            /**
             * Verifies a Timestamp message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Timestamp message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Timestamp
             */
            public static fromObject(d: { [k: string]: any }): google.protobuf.Timestamp;

            /**
             * Creates a plain object from a Timestamp message. Also converts values to other types if specified.
             * @param m Timestamp
             * @param [o] Conversion options
             * @returns Plain object
             */
            public static toObject(m: google.protobuf.Timestamp, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Timestamp to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };

            /**
             * Gets the default type url for Timestamp
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }
    }
}
