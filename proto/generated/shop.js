/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const shop = $root.shop = (() => {

    /**
     * Namespace shop.
     * @exports shop
     * @namespace
     */
    const shop = {};

    shop.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof shop
         * @namespace
         */
        const v1 = {};

        /**
         * UserStatus enum.
         * @name shop.v1.UserStatus
         * @enum {number}
         * @property {number} USER_STATUS_UNSPECIFIED=0 USER_STATUS_UNSPECIFIED value
         * @property {number} USER_STATUS_ACTIVE=1 USER_STATUS_ACTIVE value
         * @property {number} USER_STATUS_INACTIVE=2 USER_STATUS_INACTIVE value
         * @property {number} USER_STATUS_SUSPENDED=3 USER_STATUS_SUSPENDED value
         */
        v1.UserStatus = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "USER_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "USER_STATUS_ACTIVE"] = 1;
            values[valuesById[2] = "USER_STATUS_INACTIVE"] = 2;
            values[valuesById[3] = "USER_STATUS_SUSPENDED"] = 3;
            return values;
        })();

        v1.User = (function() {

            /**
             * Properties of a User.
             * @memberof shop.v1
             * @interface IUser
             * @property {string|null} [id] User id
             * @property {string|null} [name] User name
             * @property {string|null} [email] User email
             * @property {number|null} [age] User age
             * @property {boolean|null} [active] User active
             * @property {Array.<string>|null} [roles] User roles
             * @property {Object.<string,string>|null} [metadata] User metadata
             * @property {google.protobuf.ITimestamp|null} [createdAt] User createdAt
             * @property {shop.v1.UserStatus|null} [status] User status
             * @property {number|Long|null} [lifetimeSpendCents] User lifetimeSpendCents
             * @property {number|null} [rating] User rating
             */

            /**
             * Constructs a new User.
             * @memberof shop.v1
             * @classdesc Represents a User.
             * @implements IUser
             * @constructor
             * @param {shop.v1.IUser=} [p] Properties to set
             */
            function User(p) {
                this.roles = [];
                this.metadata = {};
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * User id.
             * @member {string} id
             * @memberof shop.v1.User
             * @instance
             */
            User.prototype.id = "";

            /**
             * User name.
             * @member {string} name
             * @memberof shop.v1.User
             * @instance
             */
            User.prototype.name = "";

            /**
             * User email.
             * @member {string} email
             * @memberof shop.v1.User
             * @instance
             */
            User.prototype.email = "";

            /**
             * User age.
             * @member {number} age
             * @memberof shop.v1.User
             * @instance
             */
            User.prototype.age = 0;

            /**
             * User active.
             * @member {boolean} active
             * @memberof shop.v1.User
             * @instance
             */
            User.prototype.active = false;

            /**
             * User roles.
             * @member {Array.<string>} roles
             * @memberof shop.v1.User
             * @instance
             */
            User.prototype.roles = $util.emptyArray;

            /**
             * User metadata.
             * @member {Object.<string,string>} metadata
             * @memberof shop.v1.User
             * @instance
             */
            User.prototype.metadata = $util.emptyObject;

            /**
             * User createdAt.
             * @member {google.protobuf.ITimestamp|null|undefined} createdAt
             * @memberof shop.v1.User
             * @instance
             */
            User.prototype.createdAt = null;

            /**
             * User status.
             * @member {shop.v1.UserStatus} status
             * @memberof shop.v1.User
             * @instance
             */
            User.prototype.status = 0;

            /**
             * User lifetimeSpendCents.
             * @member {number|Long} lifetimeSpendCents
             * @memberof shop.v1.User
             * @instance
             */
            User.prototype.lifetimeSpendCents = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * User rating.
             * @member {number} rating
             * @memberof shop.v1.User
             * @instance
             */
            User.prototype.rating = 0;

            /**
             * Creates a new User instance using the specified properties.
             * @function create
             * @memberof shop.v1.User
             * @static
             * @param {shop.v1.IUser=} [properties] Properties to set
             * @returns {shop.v1.User} User instance
             */
            User.create = function create(properties) {
                return new User(properties);
            };

            /**
             * Encodes the specified User message. Does not implicitly {@link shop.v1.User.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.User
             * @static
             * @param {shop.v1.IUser} m User message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            User.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                    w.uint32(10).string(m.id);
                if (m.name != null && Object.hasOwnProperty.call(m, "name"))
                    w.uint32(18).string(m.name);
                if (m.email != null && Object.hasOwnProperty.call(m, "email"))
                    w.uint32(26).string(m.email);
                if (m.age != null && Object.hasOwnProperty.call(m, "age"))
                    w.uint32(32).int32(m.age);
                if (m.active != null && Object.hasOwnProperty.call(m, "active"))
                    w.uint32(40).bool(m.active);
                if (m.roles != null && m.roles.length) {
                    for (var i = 0; i < m.roles.length; ++i)
                        w.uint32(50).string(m.roles[i]);
                }
                if (m.metadata != null && Object.hasOwnProperty.call(m, "metadata")) {
                    for (var ks = Object.keys(m.metadata), i = 0; i < ks.length; ++i) {
                        w.uint32(58).fork().uint32(10).string(ks[i]).uint32(18).string(m.metadata[ks[i]]).ldelim();
                    }
                }
                if (m.createdAt != null && Object.hasOwnProperty.call(m, "createdAt"))
                    $root.google.protobuf.Timestamp.encode(m.createdAt, w.uint32(66).fork(), q + 1).ldelim();
                if (m.status != null && Object.hasOwnProperty.call(m, "status"))
                    w.uint32(72).int32(m.status);
                if (m.lifetimeSpendCents != null && Object.hasOwnProperty.call(m, "lifetimeSpendCents"))
                    w.uint32(80).int64(m.lifetimeSpendCents);
                if (m.rating != null && Object.hasOwnProperty.call(m, "rating"))
                    w.uint32(89).double(m.rating);
                return w;
            };

            /**
             * Encodes the specified User message, length delimited. Does not implicitly {@link shop.v1.User.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.User
             * @static
             * @param {shop.v1.IUser} message User message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            User.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a User message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.User
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.User} User
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            User.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m, k, value;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.User();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.id = r.string();
                            break;
                        }
                    case 2: {
                            m.name = r.string();
                            break;
                        }
                    case 3: {
                            m.email = r.string();
                            break;
                        }
                    case 4: {
                            m.age = r.int32();
                            break;
                        }
                    case 5: {
                            m.active = r.bool();
                            break;
                        }
                    case 6: {
                            if (!(m.roles && m.roles.length))
                                m.roles = [];
                            m.roles.push(r.string());
                            break;
                        }
                    case 7: {
                            if (m.metadata === $util.emptyObject)
                                m.metadata = {};
                            var c2 = r.uint32() + r.pos;
                            if (c2 > r.len)
                                throw RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            value = "";
                            while (r.pos < c2) {
                                var tag2 = r.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    k = r.string();
                                    break;
                                case 2:
                                    value = r.string();
                                    break;
                                default:
                                    r.skipType(tag2 & 7, n);
                                    break;
                                }
                            }
                            if (r.pos !== c2)
                                throw RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.metadata, k);
                            m.metadata[k] = value;
                            break;
                        }
                    case 8: {
                            m.createdAt = $root.google.protobuf.Timestamp.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 9: {
                            m.status = r.int32();
                            break;
                        }
                    case 10: {
                            m.lifetimeSpendCents = r.int64();
                            break;
                        }
                    case 11: {
                            m.rating = r.double();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a User message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.User
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.User} User
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            User.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a User message.
             * @function verify
             * @memberof shop.v1.User
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            User.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isString(m.id))
                        return "id: string expected";
                }
                if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.email != null && Object.hasOwnProperty.call(m, "email")) {
                    if (!$util.isString(m.email))
                        return "email: string expected";
                }
                if (m.age != null && Object.hasOwnProperty.call(m, "age")) {
                    if (!$util.isInteger(m.age))
                        return "age: integer expected";
                }
                if (m.active != null && Object.hasOwnProperty.call(m, "active")) {
                    if (typeof m.active !== "boolean")
                        return "active: boolean expected";
                }
                if (m.roles != null && Object.hasOwnProperty.call(m, "roles")) {
                    if (!Array.isArray(m.roles))
                        return "roles: array expected";
                    for (var i = 0; i < m.roles.length; ++i) {
                        if (!$util.isString(m.roles[i]))
                            return "roles: string[] expected";
                    }
                }
                if (m.metadata != null && Object.hasOwnProperty.call(m, "metadata")) {
                    if (!$util.isObject(m.metadata))
                        return "metadata: object expected";
                    var k = Object.keys(m.metadata);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.metadata[k[i]]))
                            return "metadata: string{k:string} expected";
                    }
                }
                if (m.createdAt != null && Object.hasOwnProperty.call(m, "createdAt")) {
                    {
                        var e = $root.google.protobuf.Timestamp.verify(m.createdAt, n + 1);
                        if (e)
                            return "createdAt." + e;
                    }
                }
                if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                    switch (m.status) {
                    default:
                        return "status: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                        break;
                    }
                }
                if (m.lifetimeSpendCents != null && Object.hasOwnProperty.call(m, "lifetimeSpendCents")) {
                    if (!$util.isInteger(m.lifetimeSpendCents) && !(m.lifetimeSpendCents && $util.isInteger(m.lifetimeSpendCents.low) && $util.isInteger(m.lifetimeSpendCents.high)))
                        return "lifetimeSpendCents: integer|Long expected";
                }
                if (m.rating != null && Object.hasOwnProperty.call(m, "rating")) {
                    if (typeof m.rating !== "number")
                        return "rating: number expected";
                }
                return null;
            };

            /**
             * Creates a User message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.User
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.User} User
             */
            User.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.User)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.User: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.User();
                if (d.id != null) {
                    m.id = String(d.id);
                }
                if (d.name != null) {
                    m.name = String(d.name);
                }
                if (d.email != null) {
                    m.email = String(d.email);
                }
                if (d.age != null) {
                    m.age = d.age | 0;
                }
                if (d.active != null) {
                    m.active = Boolean(d.active);
                }
                if (d.roles) {
                    if (!Array.isArray(d.roles))
                        throw TypeError(".shop.v1.User.roles: array expected");
                    m.roles = [];
                    for (var i = 0; i < d.roles.length; ++i) {
                        m.roles[i] = String(d.roles[i]);
                    }
                }
                if (d.metadata) {
                    if (!$util.isObject(d.metadata))
                        throw TypeError(".shop.v1.User.metadata: object expected");
                    m.metadata = {};
                    for (var ks = Object.keys(d.metadata), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.metadata, ks[i]);
                        m.metadata[ks[i]] = String(d.metadata[ks[i]]);
                    }
                }
                if (d.createdAt != null) {
                    if (!$util.isObject(d.createdAt))
                        throw TypeError(".shop.v1.User.createdAt: object expected");
                    m.createdAt = $root.google.protobuf.Timestamp.fromObject(d.createdAt, n + 1);
                }
                switch (d.status) {
                default:
                    if (typeof d.status === "number") {
                        m.status = d.status;
                        break;
                    }
                    break;
                case "USER_STATUS_UNSPECIFIED":
                case 0:
                    m.status = 0;
                    break;
                case "USER_STATUS_ACTIVE":
                case 1:
                    m.status = 1;
                    break;
                case "USER_STATUS_INACTIVE":
                case 2:
                    m.status = 2;
                    break;
                case "USER_STATUS_SUSPENDED":
                case 3:
                    m.status = 3;
                    break;
                }
                if (d.lifetimeSpendCents != null) {
                    if ($util.Long)
                        m.lifetimeSpendCents = $util.Long.fromValue(d.lifetimeSpendCents, false);
                    else if (typeof d.lifetimeSpendCents === "string")
                        m.lifetimeSpendCents = parseInt(d.lifetimeSpendCents, 10);
                    else if (typeof d.lifetimeSpendCents === "number")
                        m.lifetimeSpendCents = d.lifetimeSpendCents;
                    else if (typeof d.lifetimeSpendCents === "object")
                        m.lifetimeSpendCents = new $util.LongBits(d.lifetimeSpendCents.low >>> 0, d.lifetimeSpendCents.high >>> 0).toNumber();
                }
                if (d.rating != null) {
                    m.rating = Number(d.rating);
                }
                return m;
            };

            /**
             * Creates a plain object from a User message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.User
             * @static
             * @param {shop.v1.User} m User
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            User.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.roles = [];
                }
                if (o.objects || o.defaults) {
                    d.metadata = {};
                }
                if (o.defaults) {
                    d.id = "";
                    d.name = "";
                    d.email = "";
                    d.age = 0;
                    d.active = false;
                    d.createdAt = null;
                    d.status = o.enums === String ? "USER_STATUS_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.lifetimeSpendCents = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.lifetimeSpendCents = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.rating = 0;
                }
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.email != null && Object.hasOwnProperty.call(m, "email")) {
                    d.email = m.email;
                }
                if (m.age != null && Object.hasOwnProperty.call(m, "age")) {
                    d.age = m.age;
                }
                if (m.active != null && Object.hasOwnProperty.call(m, "active")) {
                    d.active = m.active;
                }
                if (m.roles && m.roles.length) {
                    d.roles = [];
                    for (var j = 0; j < m.roles.length; ++j) {
                        d.roles[j] = m.roles[j];
                    }
                }
                var ks2;
                if (m.metadata && (ks2 = Object.keys(m.metadata)).length) {
                    d.metadata = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.metadata, ks2[j]);
                        d.metadata[ks2[j]] = m.metadata[ks2[j]];
                    }
                }
                if (m.createdAt != null && Object.hasOwnProperty.call(m, "createdAt")) {
                    d.createdAt = $root.google.protobuf.Timestamp.toObject(m.createdAt, o, q + 1);
                }
                if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                    d.status = o.enums === String ? $root.shop.v1.UserStatus[m.status] === undefined ? m.status : $root.shop.v1.UserStatus[m.status] : m.status;
                }
                if (m.lifetimeSpendCents != null && Object.hasOwnProperty.call(m, "lifetimeSpendCents")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.lifetimeSpendCents = typeof m.lifetimeSpendCents === "number" ? BigInt(m.lifetimeSpendCents) : $util.Long.fromBits(m.lifetimeSpendCents.low >>> 0, m.lifetimeSpendCents.high >>> 0, false).toBigInt();
                    else if (typeof m.lifetimeSpendCents === "number")
                        d.lifetimeSpendCents = o.longs === String ? String(m.lifetimeSpendCents) : m.lifetimeSpendCents;
                    else
                        d.lifetimeSpendCents = o.longs === String ? $util.Long.prototype.toString.call(m.lifetimeSpendCents) : o.longs === Number ? new $util.LongBits(m.lifetimeSpendCents.low >>> 0, m.lifetimeSpendCents.high >>> 0).toNumber() : m.lifetimeSpendCents;
                }
                if (m.rating != null && Object.hasOwnProperty.call(m, "rating")) {
                    d.rating = o.json && !isFinite(m.rating) ? String(m.rating) : m.rating;
                }
                return d;
            };

            /**
             * Converts this User to JSON.
             * @function toJSON
             * @memberof shop.v1.User
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            User.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for User
             * @function getTypeUrl
             * @memberof shop.v1.User
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            User.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.User";
            };

            return User;
        })();

        /**
         * OrderStatus enum.
         * @name shop.v1.OrderStatus
         * @enum {number}
         * @property {number} ORDER_STATUS_UNSPECIFIED=0 ORDER_STATUS_UNSPECIFIED value
         * @property {number} ORDER_STATUS_PENDING=1 ORDER_STATUS_PENDING value
         * @property {number} ORDER_STATUS_PAID=2 ORDER_STATUS_PAID value
         * @property {number} ORDER_STATUS_SHIPPED=3 ORDER_STATUS_SHIPPED value
         * @property {number} ORDER_STATUS_DELIVERED=4 ORDER_STATUS_DELIVERED value
         * @property {number} ORDER_STATUS_CANCELLED=5 ORDER_STATUS_CANCELLED value
         */
        v1.OrderStatus = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "ORDER_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ORDER_STATUS_PENDING"] = 1;
            values[valuesById[2] = "ORDER_STATUS_PAID"] = 2;
            values[valuesById[3] = "ORDER_STATUS_SHIPPED"] = 3;
            values[valuesById[4] = "ORDER_STATUS_DELIVERED"] = 4;
            values[valuesById[5] = "ORDER_STATUS_CANCELLED"] = 5;
            return values;
        })();

        v1.OrderItem = (function() {

            /**
             * Properties of an OrderItem.
             * @memberof shop.v1
             * @interface IOrderItem
             * @property {string|null} [productId] OrderItem productId
             * @property {string|null} [name] OrderItem name
             * @property {number|null} [quantity] OrderItem quantity
             * @property {number|Long|null} [unitPriceCents] OrderItem unitPriceCents
             */

            /**
             * Constructs a new OrderItem.
             * @memberof shop.v1
             * @classdesc Represents an OrderItem.
             * @implements IOrderItem
             * @constructor
             * @param {shop.v1.IOrderItem=} [p] Properties to set
             */
            function OrderItem(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * OrderItem productId.
             * @member {string} productId
             * @memberof shop.v1.OrderItem
             * @instance
             */
            OrderItem.prototype.productId = "";

            /**
             * OrderItem name.
             * @member {string} name
             * @memberof shop.v1.OrderItem
             * @instance
             */
            OrderItem.prototype.name = "";

            /**
             * OrderItem quantity.
             * @member {number} quantity
             * @memberof shop.v1.OrderItem
             * @instance
             */
            OrderItem.prototype.quantity = 0;

            /**
             * OrderItem unitPriceCents.
             * @member {number|Long} unitPriceCents
             * @memberof shop.v1.OrderItem
             * @instance
             */
            OrderItem.prototype.unitPriceCents = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new OrderItem instance using the specified properties.
             * @function create
             * @memberof shop.v1.OrderItem
             * @static
             * @param {shop.v1.IOrderItem=} [properties] Properties to set
             * @returns {shop.v1.OrderItem} OrderItem instance
             */
            OrderItem.create = function create(properties) {
                return new OrderItem(properties);
            };

            /**
             * Encodes the specified OrderItem message. Does not implicitly {@link shop.v1.OrderItem.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.OrderItem
             * @static
             * @param {shop.v1.IOrderItem} m OrderItem message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderItem.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.productId != null && Object.hasOwnProperty.call(m, "productId"))
                    w.uint32(10).string(m.productId);
                if (m.name != null && Object.hasOwnProperty.call(m, "name"))
                    w.uint32(18).string(m.name);
                if (m.quantity != null && Object.hasOwnProperty.call(m, "quantity"))
                    w.uint32(24).int32(m.quantity);
                if (m.unitPriceCents != null && Object.hasOwnProperty.call(m, "unitPriceCents"))
                    w.uint32(32).int64(m.unitPriceCents);
                return w;
            };

            /**
             * Encodes the specified OrderItem message, length delimited. Does not implicitly {@link shop.v1.OrderItem.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.OrderItem
             * @static
             * @param {shop.v1.IOrderItem} message OrderItem message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderItem.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an OrderItem message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.OrderItem
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.OrderItem} OrderItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderItem.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.OrderItem();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.productId = r.string();
                            break;
                        }
                    case 2: {
                            m.name = r.string();
                            break;
                        }
                    case 3: {
                            m.quantity = r.int32();
                            break;
                        }
                    case 4: {
                            m.unitPriceCents = r.int64();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an OrderItem message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.OrderItem
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.OrderItem} OrderItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderItem.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an OrderItem message.
             * @function verify
             * @memberof shop.v1.OrderItem
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            OrderItem.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.productId != null && Object.hasOwnProperty.call(m, "productId")) {
                    if (!$util.isString(m.productId))
                        return "productId: string expected";
                }
                if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.quantity != null && Object.hasOwnProperty.call(m, "quantity")) {
                    if (!$util.isInteger(m.quantity))
                        return "quantity: integer expected";
                }
                if (m.unitPriceCents != null && Object.hasOwnProperty.call(m, "unitPriceCents")) {
                    if (!$util.isInteger(m.unitPriceCents) && !(m.unitPriceCents && $util.isInteger(m.unitPriceCents.low) && $util.isInteger(m.unitPriceCents.high)))
                        return "unitPriceCents: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates an OrderItem message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.OrderItem
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.OrderItem} OrderItem
             */
            OrderItem.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.OrderItem)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.OrderItem: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.OrderItem();
                if (d.productId != null) {
                    m.productId = String(d.productId);
                }
                if (d.name != null) {
                    m.name = String(d.name);
                }
                if (d.quantity != null) {
                    m.quantity = d.quantity | 0;
                }
                if (d.unitPriceCents != null) {
                    if ($util.Long)
                        m.unitPriceCents = $util.Long.fromValue(d.unitPriceCents, false);
                    else if (typeof d.unitPriceCents === "string")
                        m.unitPriceCents = parseInt(d.unitPriceCents, 10);
                    else if (typeof d.unitPriceCents === "number")
                        m.unitPriceCents = d.unitPriceCents;
                    else if (typeof d.unitPriceCents === "object")
                        m.unitPriceCents = new $util.LongBits(d.unitPriceCents.low >>> 0, d.unitPriceCents.high >>> 0).toNumber();
                }
                return m;
            };

            /**
             * Creates a plain object from an OrderItem message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.OrderItem
             * @static
             * @param {shop.v1.OrderItem} m OrderItem
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OrderItem.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.productId = "";
                    d.name = "";
                    d.quantity = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.unitPriceCents = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.unitPriceCents = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                }
                if (m.productId != null && Object.hasOwnProperty.call(m, "productId")) {
                    d.productId = m.productId;
                }
                if (m.name != null && Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.quantity != null && Object.hasOwnProperty.call(m, "quantity")) {
                    d.quantity = m.quantity;
                }
                if (m.unitPriceCents != null && Object.hasOwnProperty.call(m, "unitPriceCents")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.unitPriceCents = typeof m.unitPriceCents === "number" ? BigInt(m.unitPriceCents) : $util.Long.fromBits(m.unitPriceCents.low >>> 0, m.unitPriceCents.high >>> 0, false).toBigInt();
                    else if (typeof m.unitPriceCents === "number")
                        d.unitPriceCents = o.longs === String ? String(m.unitPriceCents) : m.unitPriceCents;
                    else
                        d.unitPriceCents = o.longs === String ? $util.Long.prototype.toString.call(m.unitPriceCents) : o.longs === Number ? new $util.LongBits(m.unitPriceCents.low >>> 0, m.unitPriceCents.high >>> 0).toNumber() : m.unitPriceCents;
                }
                return d;
            };

            /**
             * Converts this OrderItem to JSON.
             * @function toJSON
             * @memberof shop.v1.OrderItem
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OrderItem.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for OrderItem
             * @function getTypeUrl
             * @memberof shop.v1.OrderItem
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            OrderItem.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.OrderItem";
            };

            return OrderItem;
        })();

        v1.Order = (function() {

            /**
             * Properties of an Order.
             * @memberof shop.v1
             * @interface IOrder
             * @property {string|null} [id] Order id
             * @property {string|null} [userId] Order userId
             * @property {Array.<shop.v1.IOrderItem>|null} [items] Order items
             * @property {number|Long|null} [totalCents] Order totalCents
             * @property {string|null} [currency] Order currency
             * @property {shop.v1.OrderStatus|null} [status] Order status
             * @property {google.protobuf.ITimestamp|null} [createdAt] Order createdAt
             * @property {number|null} [weightKg] Order weightKg
             * @property {Object.<string,string>|null} [attributes] Order attributes
             */

            /**
             * Constructs a new Order.
             * @memberof shop.v1
             * @classdesc Represents an Order.
             * @implements IOrder
             * @constructor
             * @param {shop.v1.IOrder=} [p] Properties to set
             */
            function Order(p) {
                this.items = [];
                this.attributes = {};
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Order id.
             * @member {string} id
             * @memberof shop.v1.Order
             * @instance
             */
            Order.prototype.id = "";

            /**
             * Order userId.
             * @member {string} userId
             * @memberof shop.v1.Order
             * @instance
             */
            Order.prototype.userId = "";

            /**
             * Order items.
             * @member {Array.<shop.v1.IOrderItem>} items
             * @memberof shop.v1.Order
             * @instance
             */
            Order.prototype.items = $util.emptyArray;

            /**
             * Order totalCents.
             * @member {number|Long} totalCents
             * @memberof shop.v1.Order
             * @instance
             */
            Order.prototype.totalCents = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Order currency.
             * @member {string} currency
             * @memberof shop.v1.Order
             * @instance
             */
            Order.prototype.currency = "";

            /**
             * Order status.
             * @member {shop.v1.OrderStatus} status
             * @memberof shop.v1.Order
             * @instance
             */
            Order.prototype.status = 0;

            /**
             * Order createdAt.
             * @member {google.protobuf.ITimestamp|null|undefined} createdAt
             * @memberof shop.v1.Order
             * @instance
             */
            Order.prototype.createdAt = null;

            /**
             * Order weightKg.
             * @member {number} weightKg
             * @memberof shop.v1.Order
             * @instance
             */
            Order.prototype.weightKg = 0;

            /**
             * Order attributes.
             * @member {Object.<string,string>} attributes
             * @memberof shop.v1.Order
             * @instance
             */
            Order.prototype.attributes = $util.emptyObject;

            /**
             * Creates a new Order instance using the specified properties.
             * @function create
             * @memberof shop.v1.Order
             * @static
             * @param {shop.v1.IOrder=} [properties] Properties to set
             * @returns {shop.v1.Order} Order instance
             */
            Order.create = function create(properties) {
                return new Order(properties);
            };

            /**
             * Encodes the specified Order message. Does not implicitly {@link shop.v1.Order.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.Order
             * @static
             * @param {shop.v1.IOrder} m Order message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Order.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                    w.uint32(10).string(m.id);
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId"))
                    w.uint32(18).string(m.userId);
                if (m.items != null && m.items.length) {
                    for (var i = 0; i < m.items.length; ++i)
                        $root.shop.v1.OrderItem.encode(m.items[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.totalCents != null && Object.hasOwnProperty.call(m, "totalCents"))
                    w.uint32(32).int64(m.totalCents);
                if (m.currency != null && Object.hasOwnProperty.call(m, "currency"))
                    w.uint32(42).string(m.currency);
                if (m.status != null && Object.hasOwnProperty.call(m, "status"))
                    w.uint32(48).int32(m.status);
                if (m.createdAt != null && Object.hasOwnProperty.call(m, "createdAt"))
                    $root.google.protobuf.Timestamp.encode(m.createdAt, w.uint32(58).fork(), q + 1).ldelim();
                if (m.weightKg != null && Object.hasOwnProperty.call(m, "weightKg"))
                    w.uint32(65).double(m.weightKg);
                if (m.attributes != null && Object.hasOwnProperty.call(m, "attributes")) {
                    for (var ks = Object.keys(m.attributes), i = 0; i < ks.length; ++i) {
                        w.uint32(74).fork().uint32(10).string(ks[i]).uint32(18).string(m.attributes[ks[i]]).ldelim();
                    }
                }
                return w;
            };

            /**
             * Encodes the specified Order message, length delimited. Does not implicitly {@link shop.v1.Order.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.Order
             * @static
             * @param {shop.v1.IOrder} message Order message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Order.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an Order message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.Order
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.Order} Order
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Order.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m, k, value;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.Order();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.id = r.string();
                            break;
                        }
                    case 2: {
                            m.userId = r.string();
                            break;
                        }
                    case 3: {
                            if (!(m.items && m.items.length))
                                m.items = [];
                            m.items.push($root.shop.v1.OrderItem.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 4: {
                            m.totalCents = r.int64();
                            break;
                        }
                    case 5: {
                            m.currency = r.string();
                            break;
                        }
                    case 6: {
                            m.status = r.int32();
                            break;
                        }
                    case 7: {
                            m.createdAt = $root.google.protobuf.Timestamp.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 8: {
                            m.weightKg = r.double();
                            break;
                        }
                    case 9: {
                            if (m.attributes === $util.emptyObject)
                                m.attributes = {};
                            var c2 = r.uint32() + r.pos;
                            if (c2 > r.len)
                                throw RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            value = "";
                            while (r.pos < c2) {
                                var tag2 = r.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    k = r.string();
                                    break;
                                case 2:
                                    value = r.string();
                                    break;
                                default:
                                    r.skipType(tag2 & 7, n);
                                    break;
                                }
                            }
                            if (r.pos !== c2)
                                throw RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.attributes, k);
                            m.attributes[k] = value;
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an Order message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.Order
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.Order} Order
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Order.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an Order message.
             * @function verify
             * @memberof shop.v1.Order
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Order.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isString(m.id))
                        return "id: string expected";
                }
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    if (!$util.isString(m.userId))
                        return "userId: string expected";
                }
                if (m.items != null && Object.hasOwnProperty.call(m, "items")) {
                    if (!Array.isArray(m.items))
                        return "items: array expected";
                    for (var i = 0; i < m.items.length; ++i) {
                        {
                            var e = $root.shop.v1.OrderItem.verify(m.items[i], n + 1);
                            if (e)
                                return "items." + e;
                        }
                    }
                }
                if (m.totalCents != null && Object.hasOwnProperty.call(m, "totalCents")) {
                    if (!$util.isInteger(m.totalCents) && !(m.totalCents && $util.isInteger(m.totalCents.low) && $util.isInteger(m.totalCents.high)))
                        return "totalCents: integer|Long expected";
                }
                if (m.currency != null && Object.hasOwnProperty.call(m, "currency")) {
                    if (!$util.isString(m.currency))
                        return "currency: string expected";
                }
                if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                    switch (m.status) {
                    default:
                        return "status: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                    case 4:
                    case 5:
                        break;
                    }
                }
                if (m.createdAt != null && Object.hasOwnProperty.call(m, "createdAt")) {
                    {
                        var e = $root.google.protobuf.Timestamp.verify(m.createdAt, n + 1);
                        if (e)
                            return "createdAt." + e;
                    }
                }
                if (m.weightKg != null && Object.hasOwnProperty.call(m, "weightKg")) {
                    if (typeof m.weightKg !== "number")
                        return "weightKg: number expected";
                }
                if (m.attributes != null && Object.hasOwnProperty.call(m, "attributes")) {
                    if (!$util.isObject(m.attributes))
                        return "attributes: object expected";
                    var k = Object.keys(m.attributes);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.attributes[k[i]]))
                            return "attributes: string{k:string} expected";
                    }
                }
                return null;
            };

            /**
             * Creates an Order message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.Order
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.Order} Order
             */
            Order.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.Order)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.Order: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.Order();
                if (d.id != null) {
                    m.id = String(d.id);
                }
                if (d.userId != null) {
                    m.userId = String(d.userId);
                }
                if (d.items) {
                    if (!Array.isArray(d.items))
                        throw TypeError(".shop.v1.Order.items: array expected");
                    m.items = [];
                    for (var i = 0; i < d.items.length; ++i) {
                        if (!$util.isObject(d.items[i]))
                            throw TypeError(".shop.v1.Order.items: object expected");
                        m.items[i] = $root.shop.v1.OrderItem.fromObject(d.items[i], n + 1);
                    }
                }
                if (d.totalCents != null) {
                    if ($util.Long)
                        m.totalCents = $util.Long.fromValue(d.totalCents, false);
                    else if (typeof d.totalCents === "string")
                        m.totalCents = parseInt(d.totalCents, 10);
                    else if (typeof d.totalCents === "number")
                        m.totalCents = d.totalCents;
                    else if (typeof d.totalCents === "object")
                        m.totalCents = new $util.LongBits(d.totalCents.low >>> 0, d.totalCents.high >>> 0).toNumber();
                }
                if (d.currency != null) {
                    m.currency = String(d.currency);
                }
                switch (d.status) {
                default:
                    if (typeof d.status === "number") {
                        m.status = d.status;
                        break;
                    }
                    break;
                case "ORDER_STATUS_UNSPECIFIED":
                case 0:
                    m.status = 0;
                    break;
                case "ORDER_STATUS_PENDING":
                case 1:
                    m.status = 1;
                    break;
                case "ORDER_STATUS_PAID":
                case 2:
                    m.status = 2;
                    break;
                case "ORDER_STATUS_SHIPPED":
                case 3:
                    m.status = 3;
                    break;
                case "ORDER_STATUS_DELIVERED":
                case 4:
                    m.status = 4;
                    break;
                case "ORDER_STATUS_CANCELLED":
                case 5:
                    m.status = 5;
                    break;
                }
                if (d.createdAt != null) {
                    if (!$util.isObject(d.createdAt))
                        throw TypeError(".shop.v1.Order.createdAt: object expected");
                    m.createdAt = $root.google.protobuf.Timestamp.fromObject(d.createdAt, n + 1);
                }
                if (d.weightKg != null) {
                    m.weightKg = Number(d.weightKg);
                }
                if (d.attributes) {
                    if (!$util.isObject(d.attributes))
                        throw TypeError(".shop.v1.Order.attributes: object expected");
                    m.attributes = {};
                    for (var ks = Object.keys(d.attributes), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.attributes, ks[i]);
                        m.attributes[ks[i]] = String(d.attributes[ks[i]]);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an Order message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.Order
             * @static
             * @param {shop.v1.Order} m Order
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Order.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.items = [];
                }
                if (o.objects || o.defaults) {
                    d.attributes = {};
                }
                if (o.defaults) {
                    d.id = "";
                    d.userId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.totalCents = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.totalCents = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.currency = "";
                    d.status = o.enums === String ? "ORDER_STATUS_UNSPECIFIED" : 0;
                    d.createdAt = null;
                    d.weightKg = 0;
                }
                if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    d.userId = m.userId;
                }
                if (m.items && m.items.length) {
                    d.items = [];
                    for (var j = 0; j < m.items.length; ++j) {
                        d.items[j] = $root.shop.v1.OrderItem.toObject(m.items[j], o, q + 1);
                    }
                }
                if (m.totalCents != null && Object.hasOwnProperty.call(m, "totalCents")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.totalCents = typeof m.totalCents === "number" ? BigInt(m.totalCents) : $util.Long.fromBits(m.totalCents.low >>> 0, m.totalCents.high >>> 0, false).toBigInt();
                    else if (typeof m.totalCents === "number")
                        d.totalCents = o.longs === String ? String(m.totalCents) : m.totalCents;
                    else
                        d.totalCents = o.longs === String ? $util.Long.prototype.toString.call(m.totalCents) : o.longs === Number ? new $util.LongBits(m.totalCents.low >>> 0, m.totalCents.high >>> 0).toNumber() : m.totalCents;
                }
                if (m.currency != null && Object.hasOwnProperty.call(m, "currency")) {
                    d.currency = m.currency;
                }
                if (m.status != null && Object.hasOwnProperty.call(m, "status")) {
                    d.status = o.enums === String ? $root.shop.v1.OrderStatus[m.status] === undefined ? m.status : $root.shop.v1.OrderStatus[m.status] : m.status;
                }
                if (m.createdAt != null && Object.hasOwnProperty.call(m, "createdAt")) {
                    d.createdAt = $root.google.protobuf.Timestamp.toObject(m.createdAt, o, q + 1);
                }
                if (m.weightKg != null && Object.hasOwnProperty.call(m, "weightKg")) {
                    d.weightKg = o.json && !isFinite(m.weightKg) ? String(m.weightKg) : m.weightKg;
                }
                var ks2;
                if (m.attributes && (ks2 = Object.keys(m.attributes)).length) {
                    d.attributes = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.attributes, ks2[j]);
                        d.attributes[ks2[j]] = m.attributes[ks2[j]];
                    }
                }
                return d;
            };

            /**
             * Converts this Order to JSON.
             * @function toJSON
             * @memberof shop.v1.Order
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Order.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Order
             * @function getTypeUrl
             * @memberof shop.v1.Order
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Order.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.Order";
            };

            return Order;
        })();

        v1.GetUserRequest = (function() {

            /**
             * Properties of a GetUserRequest.
             * @memberof shop.v1
             * @interface IGetUserRequest
             * @property {string|null} [userId] GetUserRequest userId
             */

            /**
             * Constructs a new GetUserRequest.
             * @memberof shop.v1
             * @classdesc Represents a GetUserRequest.
             * @implements IGetUserRequest
             * @constructor
             * @param {shop.v1.IGetUserRequest=} [p] Properties to set
             */
            function GetUserRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * GetUserRequest userId.
             * @member {string} userId
             * @memberof shop.v1.GetUserRequest
             * @instance
             */
            GetUserRequest.prototype.userId = "";

            /**
             * Creates a new GetUserRequest instance using the specified properties.
             * @function create
             * @memberof shop.v1.GetUserRequest
             * @static
             * @param {shop.v1.IGetUserRequest=} [properties] Properties to set
             * @returns {shop.v1.GetUserRequest} GetUserRequest instance
             */
            GetUserRequest.create = function create(properties) {
                return new GetUserRequest(properties);
            };

            /**
             * Encodes the specified GetUserRequest message. Does not implicitly {@link shop.v1.GetUserRequest.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.GetUserRequest
             * @static
             * @param {shop.v1.IGetUserRequest} m GetUserRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetUserRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId"))
                    w.uint32(10).string(m.userId);
                return w;
            };

            /**
             * Encodes the specified GetUserRequest message, length delimited. Does not implicitly {@link shop.v1.GetUserRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.GetUserRequest
             * @static
             * @param {shop.v1.IGetUserRequest} message GetUserRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetUserRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a GetUserRequest message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.GetUserRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.GetUserRequest} GetUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetUserRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.GetUserRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.userId = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a GetUserRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.GetUserRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.GetUserRequest} GetUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetUserRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a GetUserRequest message.
             * @function verify
             * @memberof shop.v1.GetUserRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            GetUserRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    if (!$util.isString(m.userId))
                        return "userId: string expected";
                }
                return null;
            };

            /**
             * Creates a GetUserRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.GetUserRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.GetUserRequest} GetUserRequest
             */
            GetUserRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.GetUserRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.GetUserRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.GetUserRequest();
                if (d.userId != null) {
                    m.userId = String(d.userId);
                }
                return m;
            };

            /**
             * Creates a plain object from a GetUserRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.GetUserRequest
             * @static
             * @param {shop.v1.GetUserRequest} m GetUserRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            GetUserRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.userId = "";
                }
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    d.userId = m.userId;
                }
                return d;
            };

            /**
             * Converts this GetUserRequest to JSON.
             * @function toJSON
             * @memberof shop.v1.GetUserRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            GetUserRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for GetUserRequest
             * @function getTypeUrl
             * @memberof shop.v1.GetUserRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            GetUserRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.GetUserRequest";
            };

            return GetUserRequest;
        })();

        v1.ListUsersRequest = (function() {

            /**
             * Properties of a ListUsersRequest.
             * @memberof shop.v1
             * @interface IListUsersRequest
             * @property {number|null} [pageSize] ListUsersRequest pageSize
             * @property {string|null} [pageToken] ListUsersRequest pageToken
             */

            /**
             * Constructs a new ListUsersRequest.
             * @memberof shop.v1
             * @classdesc Represents a ListUsersRequest.
             * @implements IListUsersRequest
             * @constructor
             * @param {shop.v1.IListUsersRequest=} [p] Properties to set
             */
            function ListUsersRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ListUsersRequest pageSize.
             * @member {number} pageSize
             * @memberof shop.v1.ListUsersRequest
             * @instance
             */
            ListUsersRequest.prototype.pageSize = 0;

            /**
             * ListUsersRequest pageToken.
             * @member {string} pageToken
             * @memberof shop.v1.ListUsersRequest
             * @instance
             */
            ListUsersRequest.prototype.pageToken = "";

            /**
             * Creates a new ListUsersRequest instance using the specified properties.
             * @function create
             * @memberof shop.v1.ListUsersRequest
             * @static
             * @param {shop.v1.IListUsersRequest=} [properties] Properties to set
             * @returns {shop.v1.ListUsersRequest} ListUsersRequest instance
             */
            ListUsersRequest.create = function create(properties) {
                return new ListUsersRequest(properties);
            };

            /**
             * Encodes the specified ListUsersRequest message. Does not implicitly {@link shop.v1.ListUsersRequest.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.ListUsersRequest
             * @static
             * @param {shop.v1.IListUsersRequest} m ListUsersRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListUsersRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.pageSize != null && Object.hasOwnProperty.call(m, "pageSize"))
                    w.uint32(8).int32(m.pageSize);
                if (m.pageToken != null && Object.hasOwnProperty.call(m, "pageToken"))
                    w.uint32(18).string(m.pageToken);
                return w;
            };

            /**
             * Encodes the specified ListUsersRequest message, length delimited. Does not implicitly {@link shop.v1.ListUsersRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.ListUsersRequest
             * @static
             * @param {shop.v1.IListUsersRequest} message ListUsersRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListUsersRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a ListUsersRequest message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.ListUsersRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.ListUsersRequest} ListUsersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListUsersRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.ListUsersRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.pageSize = r.int32();
                            break;
                        }
                    case 2: {
                            m.pageToken = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a ListUsersRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.ListUsersRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.ListUsersRequest} ListUsersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListUsersRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a ListUsersRequest message.
             * @function verify
             * @memberof shop.v1.ListUsersRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ListUsersRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.pageSize != null && Object.hasOwnProperty.call(m, "pageSize")) {
                    if (!$util.isInteger(m.pageSize))
                        return "pageSize: integer expected";
                }
                if (m.pageToken != null && Object.hasOwnProperty.call(m, "pageToken")) {
                    if (!$util.isString(m.pageToken))
                        return "pageToken: string expected";
                }
                return null;
            };

            /**
             * Creates a ListUsersRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.ListUsersRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.ListUsersRequest} ListUsersRequest
             */
            ListUsersRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.ListUsersRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.ListUsersRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.ListUsersRequest();
                if (d.pageSize != null) {
                    m.pageSize = d.pageSize | 0;
                }
                if (d.pageToken != null) {
                    m.pageToken = String(d.pageToken);
                }
                return m;
            };

            /**
             * Creates a plain object from a ListUsersRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.ListUsersRequest
             * @static
             * @param {shop.v1.ListUsersRequest} m ListUsersRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ListUsersRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.pageSize = 0;
                    d.pageToken = "";
                }
                if (m.pageSize != null && Object.hasOwnProperty.call(m, "pageSize")) {
                    d.pageSize = m.pageSize;
                }
                if (m.pageToken != null && Object.hasOwnProperty.call(m, "pageToken")) {
                    d.pageToken = m.pageToken;
                }
                return d;
            };

            /**
             * Converts this ListUsersRequest to JSON.
             * @function toJSON
             * @memberof shop.v1.ListUsersRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ListUsersRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ListUsersRequest
             * @function getTypeUrl
             * @memberof shop.v1.ListUsersRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ListUsersRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.ListUsersRequest";
            };

            return ListUsersRequest;
        })();

        v1.ListUsersResponse = (function() {

            /**
             * Properties of a ListUsersResponse.
             * @memberof shop.v1
             * @interface IListUsersResponse
             * @property {Array.<shop.v1.IUser>|null} [users] ListUsersResponse users
             * @property {string|null} [nextPageToken] ListUsersResponse nextPageToken
             */

            /**
             * Constructs a new ListUsersResponse.
             * @memberof shop.v1
             * @classdesc Represents a ListUsersResponse.
             * @implements IListUsersResponse
             * @constructor
             * @param {shop.v1.IListUsersResponse=} [p] Properties to set
             */
            function ListUsersResponse(p) {
                this.users = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ListUsersResponse users.
             * @member {Array.<shop.v1.IUser>} users
             * @memberof shop.v1.ListUsersResponse
             * @instance
             */
            ListUsersResponse.prototype.users = $util.emptyArray;

            /**
             * ListUsersResponse nextPageToken.
             * @member {string} nextPageToken
             * @memberof shop.v1.ListUsersResponse
             * @instance
             */
            ListUsersResponse.prototype.nextPageToken = "";

            /**
             * Creates a new ListUsersResponse instance using the specified properties.
             * @function create
             * @memberof shop.v1.ListUsersResponse
             * @static
             * @param {shop.v1.IListUsersResponse=} [properties] Properties to set
             * @returns {shop.v1.ListUsersResponse} ListUsersResponse instance
             */
            ListUsersResponse.create = function create(properties) {
                return new ListUsersResponse(properties);
            };

            /**
             * Encodes the specified ListUsersResponse message. Does not implicitly {@link shop.v1.ListUsersResponse.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.ListUsersResponse
             * @static
             * @param {shop.v1.IListUsersResponse} m ListUsersResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListUsersResponse.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.users != null && m.users.length) {
                    for (var i = 0; i < m.users.length; ++i)
                        $root.shop.v1.User.encode(m.users[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.nextPageToken != null && Object.hasOwnProperty.call(m, "nextPageToken"))
                    w.uint32(18).string(m.nextPageToken);
                return w;
            };

            /**
             * Encodes the specified ListUsersResponse message, length delimited. Does not implicitly {@link shop.v1.ListUsersResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.ListUsersResponse
             * @static
             * @param {shop.v1.IListUsersResponse} message ListUsersResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListUsersResponse.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a ListUsersResponse message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.ListUsersResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.ListUsersResponse} ListUsersResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListUsersResponse.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.ListUsersResponse();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            if (!(m.users && m.users.length))
                                m.users = [];
                            m.users.push($root.shop.v1.User.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 2: {
                            m.nextPageToken = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a ListUsersResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.ListUsersResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.ListUsersResponse} ListUsersResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListUsersResponse.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a ListUsersResponse message.
             * @function verify
             * @memberof shop.v1.ListUsersResponse
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ListUsersResponse.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.users != null && Object.hasOwnProperty.call(m, "users")) {
                    if (!Array.isArray(m.users))
                        return "users: array expected";
                    for (var i = 0; i < m.users.length; ++i) {
                        {
                            var e = $root.shop.v1.User.verify(m.users[i], n + 1);
                            if (e)
                                return "users." + e;
                        }
                    }
                }
                if (m.nextPageToken != null && Object.hasOwnProperty.call(m, "nextPageToken")) {
                    if (!$util.isString(m.nextPageToken))
                        return "nextPageToken: string expected";
                }
                return null;
            };

            /**
             * Creates a ListUsersResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.ListUsersResponse
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.ListUsersResponse} ListUsersResponse
             */
            ListUsersResponse.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.ListUsersResponse)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.ListUsersResponse: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.ListUsersResponse();
                if (d.users) {
                    if (!Array.isArray(d.users))
                        throw TypeError(".shop.v1.ListUsersResponse.users: array expected");
                    m.users = [];
                    for (var i = 0; i < d.users.length; ++i) {
                        if (!$util.isObject(d.users[i]))
                            throw TypeError(".shop.v1.ListUsersResponse.users: object expected");
                        m.users[i] = $root.shop.v1.User.fromObject(d.users[i], n + 1);
                    }
                }
                if (d.nextPageToken != null) {
                    m.nextPageToken = String(d.nextPageToken);
                }
                return m;
            };

            /**
             * Creates a plain object from a ListUsersResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.ListUsersResponse
             * @static
             * @param {shop.v1.ListUsersResponse} m ListUsersResponse
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ListUsersResponse.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.users = [];
                }
                if (o.defaults) {
                    d.nextPageToken = "";
                }
                if (m.users && m.users.length) {
                    d.users = [];
                    for (var j = 0; j < m.users.length; ++j) {
                        d.users[j] = $root.shop.v1.User.toObject(m.users[j], o, q + 1);
                    }
                }
                if (m.nextPageToken != null && Object.hasOwnProperty.call(m, "nextPageToken")) {
                    d.nextPageToken = m.nextPageToken;
                }
                return d;
            };

            /**
             * Converts this ListUsersResponse to JSON.
             * @function toJSON
             * @memberof shop.v1.ListUsersResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ListUsersResponse.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ListUsersResponse
             * @function getTypeUrl
             * @memberof shop.v1.ListUsersResponse
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ListUsersResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.ListUsersResponse";
            };

            return ListUsersResponse;
        })();

        v1.CreateUserRequest = (function() {

            /**
             * Properties of a CreateUserRequest.
             * @memberof shop.v1
             * @interface ICreateUserRequest
             * @property {shop.v1.IUser|null} [user] CreateUserRequest user
             */

            /**
             * Constructs a new CreateUserRequest.
             * @memberof shop.v1
             * @classdesc Represents a CreateUserRequest.
             * @implements ICreateUserRequest
             * @constructor
             * @param {shop.v1.ICreateUserRequest=} [p] Properties to set
             */
            function CreateUserRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * CreateUserRequest user.
             * @member {shop.v1.IUser|null|undefined} user
             * @memberof shop.v1.CreateUserRequest
             * @instance
             */
            CreateUserRequest.prototype.user = null;

            /**
             * Creates a new CreateUserRequest instance using the specified properties.
             * @function create
             * @memberof shop.v1.CreateUserRequest
             * @static
             * @param {shop.v1.ICreateUserRequest=} [properties] Properties to set
             * @returns {shop.v1.CreateUserRequest} CreateUserRequest instance
             */
            CreateUserRequest.create = function create(properties) {
                return new CreateUserRequest(properties);
            };

            /**
             * Encodes the specified CreateUserRequest message. Does not implicitly {@link shop.v1.CreateUserRequest.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.CreateUserRequest
             * @static
             * @param {shop.v1.ICreateUserRequest} m CreateUserRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CreateUserRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.user != null && Object.hasOwnProperty.call(m, "user"))
                    $root.shop.v1.User.encode(m.user, w.uint32(10).fork(), q + 1).ldelim();
                return w;
            };

            /**
             * Encodes the specified CreateUserRequest message, length delimited. Does not implicitly {@link shop.v1.CreateUserRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.CreateUserRequest
             * @static
             * @param {shop.v1.ICreateUserRequest} message CreateUserRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CreateUserRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a CreateUserRequest message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.CreateUserRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.CreateUserRequest} CreateUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CreateUserRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.CreateUserRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.user = $root.shop.v1.User.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a CreateUserRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.CreateUserRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.CreateUserRequest} CreateUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CreateUserRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a CreateUserRequest message.
             * @function verify
             * @memberof shop.v1.CreateUserRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CreateUserRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.user != null && Object.hasOwnProperty.call(m, "user")) {
                    {
                        var e = $root.shop.v1.User.verify(m.user, n + 1);
                        if (e)
                            return "user." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a CreateUserRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.CreateUserRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.CreateUserRequest} CreateUserRequest
             */
            CreateUserRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.CreateUserRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.CreateUserRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.CreateUserRequest();
                if (d.user != null) {
                    if (!$util.isObject(d.user))
                        throw TypeError(".shop.v1.CreateUserRequest.user: object expected");
                    m.user = $root.shop.v1.User.fromObject(d.user, n + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a CreateUserRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.CreateUserRequest
             * @static
             * @param {shop.v1.CreateUserRequest} m CreateUserRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CreateUserRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.user = null;
                }
                if (m.user != null && Object.hasOwnProperty.call(m, "user")) {
                    d.user = $root.shop.v1.User.toObject(m.user, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this CreateUserRequest to JSON.
             * @function toJSON
             * @memberof shop.v1.CreateUserRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CreateUserRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for CreateUserRequest
             * @function getTypeUrl
             * @memberof shop.v1.CreateUserRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CreateUserRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.CreateUserRequest";
            };

            return CreateUserRequest;
        })();

        v1.UpdateUserRequest = (function() {

            /**
             * Properties of an UpdateUserRequest.
             * @memberof shop.v1
             * @interface IUpdateUserRequest
             * @property {string|null} [userId] UpdateUserRequest userId
             * @property {shop.v1.IUser|null} [user] UpdateUserRequest user
             */

            /**
             * Constructs a new UpdateUserRequest.
             * @memberof shop.v1
             * @classdesc Represents an UpdateUserRequest.
             * @implements IUpdateUserRequest
             * @constructor
             * @param {shop.v1.IUpdateUserRequest=} [p] Properties to set
             */
            function UpdateUserRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * UpdateUserRequest userId.
             * @member {string} userId
             * @memberof shop.v1.UpdateUserRequest
             * @instance
             */
            UpdateUserRequest.prototype.userId = "";

            /**
             * UpdateUserRequest user.
             * @member {shop.v1.IUser|null|undefined} user
             * @memberof shop.v1.UpdateUserRequest
             * @instance
             */
            UpdateUserRequest.prototype.user = null;

            /**
             * Creates a new UpdateUserRequest instance using the specified properties.
             * @function create
             * @memberof shop.v1.UpdateUserRequest
             * @static
             * @param {shop.v1.IUpdateUserRequest=} [properties] Properties to set
             * @returns {shop.v1.UpdateUserRequest} UpdateUserRequest instance
             */
            UpdateUserRequest.create = function create(properties) {
                return new UpdateUserRequest(properties);
            };

            /**
             * Encodes the specified UpdateUserRequest message. Does not implicitly {@link shop.v1.UpdateUserRequest.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.UpdateUserRequest
             * @static
             * @param {shop.v1.IUpdateUserRequest} m UpdateUserRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateUserRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId"))
                    w.uint32(10).string(m.userId);
                if (m.user != null && Object.hasOwnProperty.call(m, "user"))
                    $root.shop.v1.User.encode(m.user, w.uint32(18).fork(), q + 1).ldelim();
                return w;
            };

            /**
             * Encodes the specified UpdateUserRequest message, length delimited. Does not implicitly {@link shop.v1.UpdateUserRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.UpdateUserRequest
             * @static
             * @param {shop.v1.IUpdateUserRequest} message UpdateUserRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UpdateUserRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an UpdateUserRequest message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.UpdateUserRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.UpdateUserRequest} UpdateUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateUserRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.UpdateUserRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.userId = r.string();
                            break;
                        }
                    case 2: {
                            m.user = $root.shop.v1.User.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an UpdateUserRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.UpdateUserRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.UpdateUserRequest} UpdateUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UpdateUserRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an UpdateUserRequest message.
             * @function verify
             * @memberof shop.v1.UpdateUserRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            UpdateUserRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    if (!$util.isString(m.userId))
                        return "userId: string expected";
                }
                if (m.user != null && Object.hasOwnProperty.call(m, "user")) {
                    {
                        var e = $root.shop.v1.User.verify(m.user, n + 1);
                        if (e)
                            return "user." + e;
                    }
                }
                return null;
            };

            /**
             * Creates an UpdateUserRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.UpdateUserRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.UpdateUserRequest} UpdateUserRequest
             */
            UpdateUserRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.UpdateUserRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.UpdateUserRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.UpdateUserRequest();
                if (d.userId != null) {
                    m.userId = String(d.userId);
                }
                if (d.user != null) {
                    if (!$util.isObject(d.user))
                        throw TypeError(".shop.v1.UpdateUserRequest.user: object expected");
                    m.user = $root.shop.v1.User.fromObject(d.user, n + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from an UpdateUserRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.UpdateUserRequest
             * @static
             * @param {shop.v1.UpdateUserRequest} m UpdateUserRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            UpdateUserRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.userId = "";
                    d.user = null;
                }
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    d.userId = m.userId;
                }
                if (m.user != null && Object.hasOwnProperty.call(m, "user")) {
                    d.user = $root.shop.v1.User.toObject(m.user, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this UpdateUserRequest to JSON.
             * @function toJSON
             * @memberof shop.v1.UpdateUserRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            UpdateUserRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for UpdateUserRequest
             * @function getTypeUrl
             * @memberof shop.v1.UpdateUserRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            UpdateUserRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.UpdateUserRequest";
            };

            return UpdateUserRequest;
        })();

        v1.DeleteUserRequest = (function() {

            /**
             * Properties of a DeleteUserRequest.
             * @memberof shop.v1
             * @interface IDeleteUserRequest
             * @property {string|null} [userId] DeleteUserRequest userId
             */

            /**
             * Constructs a new DeleteUserRequest.
             * @memberof shop.v1
             * @classdesc Represents a DeleteUserRequest.
             * @implements IDeleteUserRequest
             * @constructor
             * @param {shop.v1.IDeleteUserRequest=} [p] Properties to set
             */
            function DeleteUserRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * DeleteUserRequest userId.
             * @member {string} userId
             * @memberof shop.v1.DeleteUserRequest
             * @instance
             */
            DeleteUserRequest.prototype.userId = "";

            /**
             * Creates a new DeleteUserRequest instance using the specified properties.
             * @function create
             * @memberof shop.v1.DeleteUserRequest
             * @static
             * @param {shop.v1.IDeleteUserRequest=} [properties] Properties to set
             * @returns {shop.v1.DeleteUserRequest} DeleteUserRequest instance
             */
            DeleteUserRequest.create = function create(properties) {
                return new DeleteUserRequest(properties);
            };

            /**
             * Encodes the specified DeleteUserRequest message. Does not implicitly {@link shop.v1.DeleteUserRequest.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.DeleteUserRequest
             * @static
             * @param {shop.v1.IDeleteUserRequest} m DeleteUserRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteUserRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId"))
                    w.uint32(10).string(m.userId);
                return w;
            };

            /**
             * Encodes the specified DeleteUserRequest message, length delimited. Does not implicitly {@link shop.v1.DeleteUserRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.DeleteUserRequest
             * @static
             * @param {shop.v1.IDeleteUserRequest} message DeleteUserRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeleteUserRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a DeleteUserRequest message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.DeleteUserRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.DeleteUserRequest} DeleteUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteUserRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.DeleteUserRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.userId = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a DeleteUserRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.DeleteUserRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.DeleteUserRequest} DeleteUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeleteUserRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a DeleteUserRequest message.
             * @function verify
             * @memberof shop.v1.DeleteUserRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeleteUserRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    if (!$util.isString(m.userId))
                        return "userId: string expected";
                }
                return null;
            };

            /**
             * Creates a DeleteUserRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.DeleteUserRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.DeleteUserRequest} DeleteUserRequest
             */
            DeleteUserRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.DeleteUserRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.DeleteUserRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.DeleteUserRequest();
                if (d.userId != null) {
                    m.userId = String(d.userId);
                }
                return m;
            };

            /**
             * Creates a plain object from a DeleteUserRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.DeleteUserRequest
             * @static
             * @param {shop.v1.DeleteUserRequest} m DeleteUserRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeleteUserRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.userId = "";
                }
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    d.userId = m.userId;
                }
                return d;
            };

            /**
             * Converts this DeleteUserRequest to JSON.
             * @function toJSON
             * @memberof shop.v1.DeleteUserRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeleteUserRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for DeleteUserRequest
             * @function getTypeUrl
             * @memberof shop.v1.DeleteUserRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            DeleteUserRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.DeleteUserRequest";
            };

            return DeleteUserRequest;
        })();

        v1.UserService = (function() {

            /**
             * Constructs a new UserService service.
             * @memberof shop.v1
             * @classdesc Represents a UserService
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function UserService(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (UserService.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = UserService;

            /**
             * Creates new UserService service using the specified rpc implementation.
             * @function create
             * @memberof shop.v1.UserService
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {UserService} RPC service. Useful where requests and/or responses are streamed.
             */
            UserService.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link shop.v1.UserService#getUser}.
             * @memberof shop.v1.UserService
             * @typedef GetUserCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {shop.v1.User} [response] User
             */

            /**
             * Calls GetUser.
             * @function getUser
             * @memberof shop.v1.UserService
             * @instance
             * @param {shop.v1.IGetUserRequest} request GetUserRequest message or plain object
             * @param {shop.v1.UserService.GetUserCallback} callback Node-style callback called with the error, if any, and User
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(UserService.prototype.getUser = function getUser(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, getUser, $root.shop.v1.GetUserRequest, $root.shop.v1.User, request, callback);
            }, "name", { value: "GetUser" });

            /**
             * Calls GetUser.
             * @function getUser
             * @memberof shop.v1.UserService
             * @instance
             * @param {shop.v1.IGetUserRequest} request GetUserRequest message or plain object
             * @returns {Promise<shop.v1.User>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link shop.v1.UserService#listUsers}.
             * @memberof shop.v1.UserService
             * @typedef ListUsersCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {shop.v1.ListUsersResponse} [response] ListUsersResponse
             */

            /**
             * Calls ListUsers.
             * @function listUsers
             * @memberof shop.v1.UserService
             * @instance
             * @param {shop.v1.IListUsersRequest} request ListUsersRequest message or plain object
             * @param {shop.v1.UserService.ListUsersCallback} callback Node-style callback called with the error, if any, and ListUsersResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(UserService.prototype.listUsers = function listUsers(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, listUsers, $root.shop.v1.ListUsersRequest, $root.shop.v1.ListUsersResponse, request, callback);
            }, "name", { value: "ListUsers" });

            /**
             * Calls ListUsers.
             * @function listUsers
             * @memberof shop.v1.UserService
             * @instance
             * @param {shop.v1.IListUsersRequest} request ListUsersRequest message or plain object
             * @returns {Promise<shop.v1.ListUsersResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link shop.v1.UserService#createUser}.
             * @memberof shop.v1.UserService
             * @typedef CreateUserCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {shop.v1.User} [response] User
             */

            /**
             * Calls CreateUser.
             * @function createUser
             * @memberof shop.v1.UserService
             * @instance
             * @param {shop.v1.ICreateUserRequest} request CreateUserRequest message or plain object
             * @param {shop.v1.UserService.CreateUserCallback} callback Node-style callback called with the error, if any, and User
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(UserService.prototype.createUser = function createUser(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, createUser, $root.shop.v1.CreateUserRequest, $root.shop.v1.User, request, callback);
            }, "name", { value: "CreateUser" });

            /**
             * Calls CreateUser.
             * @function createUser
             * @memberof shop.v1.UserService
             * @instance
             * @param {shop.v1.ICreateUserRequest} request CreateUserRequest message or plain object
             * @returns {Promise<shop.v1.User>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link shop.v1.UserService#updateUser}.
             * @memberof shop.v1.UserService
             * @typedef UpdateUserCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {shop.v1.User} [response] User
             */

            /**
             * Calls UpdateUser.
             * @function updateUser
             * @memberof shop.v1.UserService
             * @instance
             * @param {shop.v1.IUpdateUserRequest} request UpdateUserRequest message or plain object
             * @param {shop.v1.UserService.UpdateUserCallback} callback Node-style callback called with the error, if any, and User
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(UserService.prototype.updateUser = function updateUser(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, updateUser, $root.shop.v1.UpdateUserRequest, $root.shop.v1.User, request, callback);
            }, "name", { value: "UpdateUser" });

            /**
             * Calls UpdateUser.
             * @function updateUser
             * @memberof shop.v1.UserService
             * @instance
             * @param {shop.v1.IUpdateUserRequest} request UpdateUserRequest message or plain object
             * @returns {Promise<shop.v1.User>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link shop.v1.UserService#deleteUser}.
             * @memberof shop.v1.UserService
             * @typedef DeleteUserCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {google.protobuf.Empty} [response] Empty
             */

            /**
             * Calls DeleteUser.
             * @function deleteUser
             * @memberof shop.v1.UserService
             * @instance
             * @param {shop.v1.IDeleteUserRequest} request DeleteUserRequest message or plain object
             * @param {shop.v1.UserService.DeleteUserCallback} callback Node-style callback called with the error, if any, and Empty
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(UserService.prototype.deleteUser = function deleteUser(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, deleteUser, $root.shop.v1.DeleteUserRequest, $root.google.protobuf.Empty, request, callback);
            }, "name", { value: "DeleteUser" });

            /**
             * Calls DeleteUser.
             * @function deleteUser
             * @memberof shop.v1.UserService
             * @instance
             * @param {shop.v1.IDeleteUserRequest} request DeleteUserRequest message or plain object
             * @returns {Promise<google.protobuf.Empty>} Promise
             * @variation 2
             */

            return UserService;
        })();

        v1.ListOrdersRequest = (function() {

            /**
             * Properties of a ListOrdersRequest.
             * @memberof shop.v1
             * @interface IListOrdersRequest
             * @property {string|null} [userId] ListOrdersRequest userId
             * @property {number|null} [limit] ListOrdersRequest limit
             * @property {number|null} [pageSize] ListOrdersRequest pageSize
             * @property {string|null} [pageToken] ListOrdersRequest pageToken
             */

            /**
             * Constructs a new ListOrdersRequest.
             * @memberof shop.v1
             * @classdesc Represents a ListOrdersRequest.
             * @implements IListOrdersRequest
             * @constructor
             * @param {shop.v1.IListOrdersRequest=} [p] Properties to set
             */
            function ListOrdersRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ListOrdersRequest userId.
             * @member {string} userId
             * @memberof shop.v1.ListOrdersRequest
             * @instance
             */
            ListOrdersRequest.prototype.userId = "";

            /**
             * ListOrdersRequest limit.
             * @member {number} limit
             * @memberof shop.v1.ListOrdersRequest
             * @instance
             */
            ListOrdersRequest.prototype.limit = 0;

            /**
             * ListOrdersRequest pageSize.
             * @member {number} pageSize
             * @memberof shop.v1.ListOrdersRequest
             * @instance
             */
            ListOrdersRequest.prototype.pageSize = 0;

            /**
             * ListOrdersRequest pageToken.
             * @member {string} pageToken
             * @memberof shop.v1.ListOrdersRequest
             * @instance
             */
            ListOrdersRequest.prototype.pageToken = "";

            /**
             * Creates a new ListOrdersRequest instance using the specified properties.
             * @function create
             * @memberof shop.v1.ListOrdersRequest
             * @static
             * @param {shop.v1.IListOrdersRequest=} [properties] Properties to set
             * @returns {shop.v1.ListOrdersRequest} ListOrdersRequest instance
             */
            ListOrdersRequest.create = function create(properties) {
                return new ListOrdersRequest(properties);
            };

            /**
             * Encodes the specified ListOrdersRequest message. Does not implicitly {@link shop.v1.ListOrdersRequest.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.ListOrdersRequest
             * @static
             * @param {shop.v1.IListOrdersRequest} m ListOrdersRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListOrdersRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId"))
                    w.uint32(10).string(m.userId);
                if (m.limit != null && Object.hasOwnProperty.call(m, "limit"))
                    w.uint32(16).int32(m.limit);
                if (m.pageSize != null && Object.hasOwnProperty.call(m, "pageSize"))
                    w.uint32(24).int32(m.pageSize);
                if (m.pageToken != null && Object.hasOwnProperty.call(m, "pageToken"))
                    w.uint32(34).string(m.pageToken);
                return w;
            };

            /**
             * Encodes the specified ListOrdersRequest message, length delimited. Does not implicitly {@link shop.v1.ListOrdersRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.ListOrdersRequest
             * @static
             * @param {shop.v1.IListOrdersRequest} message ListOrdersRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListOrdersRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a ListOrdersRequest message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.ListOrdersRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.ListOrdersRequest} ListOrdersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListOrdersRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.ListOrdersRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.userId = r.string();
                            break;
                        }
                    case 2: {
                            m.limit = r.int32();
                            break;
                        }
                    case 3: {
                            m.pageSize = r.int32();
                            break;
                        }
                    case 4: {
                            m.pageToken = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a ListOrdersRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.ListOrdersRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.ListOrdersRequest} ListOrdersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListOrdersRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a ListOrdersRequest message.
             * @function verify
             * @memberof shop.v1.ListOrdersRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ListOrdersRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    if (!$util.isString(m.userId))
                        return "userId: string expected";
                }
                if (m.limit != null && Object.hasOwnProperty.call(m, "limit")) {
                    if (!$util.isInteger(m.limit))
                        return "limit: integer expected";
                }
                if (m.pageSize != null && Object.hasOwnProperty.call(m, "pageSize")) {
                    if (!$util.isInteger(m.pageSize))
                        return "pageSize: integer expected";
                }
                if (m.pageToken != null && Object.hasOwnProperty.call(m, "pageToken")) {
                    if (!$util.isString(m.pageToken))
                        return "pageToken: string expected";
                }
                return null;
            };

            /**
             * Creates a ListOrdersRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.ListOrdersRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.ListOrdersRequest} ListOrdersRequest
             */
            ListOrdersRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.ListOrdersRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.ListOrdersRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.ListOrdersRequest();
                if (d.userId != null) {
                    m.userId = String(d.userId);
                }
                if (d.limit != null) {
                    m.limit = d.limit | 0;
                }
                if (d.pageSize != null) {
                    m.pageSize = d.pageSize | 0;
                }
                if (d.pageToken != null) {
                    m.pageToken = String(d.pageToken);
                }
                return m;
            };

            /**
             * Creates a plain object from a ListOrdersRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.ListOrdersRequest
             * @static
             * @param {shop.v1.ListOrdersRequest} m ListOrdersRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ListOrdersRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.userId = "";
                    d.limit = 0;
                    d.pageSize = 0;
                    d.pageToken = "";
                }
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    d.userId = m.userId;
                }
                if (m.limit != null && Object.hasOwnProperty.call(m, "limit")) {
                    d.limit = m.limit;
                }
                if (m.pageSize != null && Object.hasOwnProperty.call(m, "pageSize")) {
                    d.pageSize = m.pageSize;
                }
                if (m.pageToken != null && Object.hasOwnProperty.call(m, "pageToken")) {
                    d.pageToken = m.pageToken;
                }
                return d;
            };

            /**
             * Converts this ListOrdersRequest to JSON.
             * @function toJSON
             * @memberof shop.v1.ListOrdersRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ListOrdersRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ListOrdersRequest
             * @function getTypeUrl
             * @memberof shop.v1.ListOrdersRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ListOrdersRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.ListOrdersRequest";
            };

            return ListOrdersRequest;
        })();

        v1.ListOrdersResponse = (function() {

            /**
             * Properties of a ListOrdersResponse.
             * @memberof shop.v1
             * @interface IListOrdersResponse
             * @property {Array.<shop.v1.IOrder>|null} [orders] ListOrdersResponse orders
             * @property {string|null} [nextPageToken] ListOrdersResponse nextPageToken
             */

            /**
             * Constructs a new ListOrdersResponse.
             * @memberof shop.v1
             * @classdesc Represents a ListOrdersResponse.
             * @implements IListOrdersResponse
             * @constructor
             * @param {shop.v1.IListOrdersResponse=} [p] Properties to set
             */
            function ListOrdersResponse(p) {
                this.orders = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ListOrdersResponse orders.
             * @member {Array.<shop.v1.IOrder>} orders
             * @memberof shop.v1.ListOrdersResponse
             * @instance
             */
            ListOrdersResponse.prototype.orders = $util.emptyArray;

            /**
             * ListOrdersResponse nextPageToken.
             * @member {string} nextPageToken
             * @memberof shop.v1.ListOrdersResponse
             * @instance
             */
            ListOrdersResponse.prototype.nextPageToken = "";

            /**
             * Creates a new ListOrdersResponse instance using the specified properties.
             * @function create
             * @memberof shop.v1.ListOrdersResponse
             * @static
             * @param {shop.v1.IListOrdersResponse=} [properties] Properties to set
             * @returns {shop.v1.ListOrdersResponse} ListOrdersResponse instance
             */
            ListOrdersResponse.create = function create(properties) {
                return new ListOrdersResponse(properties);
            };

            /**
             * Encodes the specified ListOrdersResponse message. Does not implicitly {@link shop.v1.ListOrdersResponse.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.ListOrdersResponse
             * @static
             * @param {shop.v1.IListOrdersResponse} m ListOrdersResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListOrdersResponse.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.orders != null && m.orders.length) {
                    for (var i = 0; i < m.orders.length; ++i)
                        $root.shop.v1.Order.encode(m.orders[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.nextPageToken != null && Object.hasOwnProperty.call(m, "nextPageToken"))
                    w.uint32(18).string(m.nextPageToken);
                return w;
            };

            /**
             * Encodes the specified ListOrdersResponse message, length delimited. Does not implicitly {@link shop.v1.ListOrdersResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.ListOrdersResponse
             * @static
             * @param {shop.v1.IListOrdersResponse} message ListOrdersResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListOrdersResponse.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a ListOrdersResponse message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.ListOrdersResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.ListOrdersResponse} ListOrdersResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListOrdersResponse.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.ListOrdersResponse();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            if (!(m.orders && m.orders.length))
                                m.orders = [];
                            m.orders.push($root.shop.v1.Order.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 2: {
                            m.nextPageToken = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a ListOrdersResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.ListOrdersResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.ListOrdersResponse} ListOrdersResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListOrdersResponse.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a ListOrdersResponse message.
             * @function verify
             * @memberof shop.v1.ListOrdersResponse
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ListOrdersResponse.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.orders != null && Object.hasOwnProperty.call(m, "orders")) {
                    if (!Array.isArray(m.orders))
                        return "orders: array expected";
                    for (var i = 0; i < m.orders.length; ++i) {
                        {
                            var e = $root.shop.v1.Order.verify(m.orders[i], n + 1);
                            if (e)
                                return "orders." + e;
                        }
                    }
                }
                if (m.nextPageToken != null && Object.hasOwnProperty.call(m, "nextPageToken")) {
                    if (!$util.isString(m.nextPageToken))
                        return "nextPageToken: string expected";
                }
                return null;
            };

            /**
             * Creates a ListOrdersResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.ListOrdersResponse
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.ListOrdersResponse} ListOrdersResponse
             */
            ListOrdersResponse.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.ListOrdersResponse)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.ListOrdersResponse: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.ListOrdersResponse();
                if (d.orders) {
                    if (!Array.isArray(d.orders))
                        throw TypeError(".shop.v1.ListOrdersResponse.orders: array expected");
                    m.orders = [];
                    for (var i = 0; i < d.orders.length; ++i) {
                        if (!$util.isObject(d.orders[i]))
                            throw TypeError(".shop.v1.ListOrdersResponse.orders: object expected");
                        m.orders[i] = $root.shop.v1.Order.fromObject(d.orders[i], n + 1);
                    }
                }
                if (d.nextPageToken != null) {
                    m.nextPageToken = String(d.nextPageToken);
                }
                return m;
            };

            /**
             * Creates a plain object from a ListOrdersResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.ListOrdersResponse
             * @static
             * @param {shop.v1.ListOrdersResponse} m ListOrdersResponse
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ListOrdersResponse.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.orders = [];
                }
                if (o.defaults) {
                    d.nextPageToken = "";
                }
                if (m.orders && m.orders.length) {
                    d.orders = [];
                    for (var j = 0; j < m.orders.length; ++j) {
                        d.orders[j] = $root.shop.v1.Order.toObject(m.orders[j], o, q + 1);
                    }
                }
                if (m.nextPageToken != null && Object.hasOwnProperty.call(m, "nextPageToken")) {
                    d.nextPageToken = m.nextPageToken;
                }
                return d;
            };

            /**
             * Converts this ListOrdersResponse to JSON.
             * @function toJSON
             * @memberof shop.v1.ListOrdersResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ListOrdersResponse.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ListOrdersResponse
             * @function getTypeUrl
             * @memberof shop.v1.ListOrdersResponse
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ListOrdersResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.ListOrdersResponse";
            };

            return ListOrdersResponse;
        })();

        v1.StreamOrdersRequest = (function() {

            /**
             * Properties of a StreamOrdersRequest.
             * @memberof shop.v1
             * @interface IStreamOrdersRequest
             * @property {string|null} [userId] StreamOrdersRequest userId
             * @property {number|null} [limit] StreamOrdersRequest limit
             */

            /**
             * Constructs a new StreamOrdersRequest.
             * @memberof shop.v1
             * @classdesc Represents a StreamOrdersRequest.
             * @implements IStreamOrdersRequest
             * @constructor
             * @param {shop.v1.IStreamOrdersRequest=} [p] Properties to set
             */
            function StreamOrdersRequest(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * StreamOrdersRequest userId.
             * @member {string} userId
             * @memberof shop.v1.StreamOrdersRequest
             * @instance
             */
            StreamOrdersRequest.prototype.userId = "";

            /**
             * StreamOrdersRequest limit.
             * @member {number} limit
             * @memberof shop.v1.StreamOrdersRequest
             * @instance
             */
            StreamOrdersRequest.prototype.limit = 0;

            /**
             * Creates a new StreamOrdersRequest instance using the specified properties.
             * @function create
             * @memberof shop.v1.StreamOrdersRequest
             * @static
             * @param {shop.v1.IStreamOrdersRequest=} [properties] Properties to set
             * @returns {shop.v1.StreamOrdersRequest} StreamOrdersRequest instance
             */
            StreamOrdersRequest.create = function create(properties) {
                return new StreamOrdersRequest(properties);
            };

            /**
             * Encodes the specified StreamOrdersRequest message. Does not implicitly {@link shop.v1.StreamOrdersRequest.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.StreamOrdersRequest
             * @static
             * @param {shop.v1.IStreamOrdersRequest} m StreamOrdersRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamOrdersRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId"))
                    w.uint32(10).string(m.userId);
                if (m.limit != null && Object.hasOwnProperty.call(m, "limit"))
                    w.uint32(16).int32(m.limit);
                return w;
            };

            /**
             * Encodes the specified StreamOrdersRequest message, length delimited. Does not implicitly {@link shop.v1.StreamOrdersRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.StreamOrdersRequest
             * @static
             * @param {shop.v1.IStreamOrdersRequest} message StreamOrdersRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamOrdersRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a StreamOrdersRequest message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.StreamOrdersRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.StreamOrdersRequest} StreamOrdersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamOrdersRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.StreamOrdersRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.userId = r.string();
                            break;
                        }
                    case 2: {
                            m.limit = r.int32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a StreamOrdersRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.StreamOrdersRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.StreamOrdersRequest} StreamOrdersRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamOrdersRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a StreamOrdersRequest message.
             * @function verify
             * @memberof shop.v1.StreamOrdersRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StreamOrdersRequest.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    if (!$util.isString(m.userId))
                        return "userId: string expected";
                }
                if (m.limit != null && Object.hasOwnProperty.call(m, "limit")) {
                    if (!$util.isInteger(m.limit))
                        return "limit: integer expected";
                }
                return null;
            };

            /**
             * Creates a StreamOrdersRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.StreamOrdersRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.StreamOrdersRequest} StreamOrdersRequest
             */
            StreamOrdersRequest.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.StreamOrdersRequest)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.StreamOrdersRequest: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.StreamOrdersRequest();
                if (d.userId != null) {
                    m.userId = String(d.userId);
                }
                if (d.limit != null) {
                    m.limit = d.limit | 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a StreamOrdersRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.StreamOrdersRequest
             * @static
             * @param {shop.v1.StreamOrdersRequest} m StreamOrdersRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StreamOrdersRequest.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.userId = "";
                    d.limit = 0;
                }
                if (m.userId != null && Object.hasOwnProperty.call(m, "userId")) {
                    d.userId = m.userId;
                }
                if (m.limit != null && Object.hasOwnProperty.call(m, "limit")) {
                    d.limit = m.limit;
                }
                return d;
            };

            /**
             * Converts this StreamOrdersRequest to JSON.
             * @function toJSON
             * @memberof shop.v1.StreamOrdersRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StreamOrdersRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for StreamOrdersRequest
             * @function getTypeUrl
             * @memberof shop.v1.StreamOrdersRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            StreamOrdersRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.StreamOrdersRequest";
            };

            return StreamOrdersRequest;
        })();

        v1.OrderService = (function() {

            /**
             * Constructs a new OrderService service.
             * @memberof shop.v1
             * @classdesc Represents an OrderService
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function OrderService(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (OrderService.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = OrderService;

            /**
             * Creates new OrderService service using the specified rpc implementation.
             * @function create
             * @memberof shop.v1.OrderService
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {OrderService} RPC service. Useful where requests and/or responses are streamed.
             */
            OrderService.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link shop.v1.OrderService#listOrders}.
             * @memberof shop.v1.OrderService
             * @typedef ListOrdersCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {shop.v1.ListOrdersResponse} [response] ListOrdersResponse
             */

            /**
             * Calls ListOrders.
             * @function listOrders
             * @memberof shop.v1.OrderService
             * @instance
             * @param {shop.v1.IListOrdersRequest} request ListOrdersRequest message or plain object
             * @param {shop.v1.OrderService.ListOrdersCallback} callback Node-style callback called with the error, if any, and ListOrdersResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(OrderService.prototype.listOrders = function listOrders(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, listOrders, $root.shop.v1.ListOrdersRequest, $root.shop.v1.ListOrdersResponse, request, callback);
            }, "name", { value: "ListOrders" });

            /**
             * Calls ListOrders.
             * @function listOrders
             * @memberof shop.v1.OrderService
             * @instance
             * @param {shop.v1.IListOrdersRequest} request ListOrdersRequest message or plain object
             * @returns {Promise<shop.v1.ListOrdersResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link shop.v1.OrderService#streamOrders}.
             * @memberof shop.v1.OrderService
             * @typedef StreamOrdersCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {shop.v1.Order} [response] Order
             */

            /**
             * Calls StreamOrders.
             * @function streamOrders
             * @memberof shop.v1.OrderService
             * @instance
             * @param {shop.v1.IStreamOrdersRequest} request StreamOrdersRequest message or plain object
             * @param {shop.v1.OrderService.StreamOrdersCallback} callback Node-style callback called with the error, if any, and Order
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(OrderService.prototype.streamOrders = function streamOrders(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, streamOrders, $root.shop.v1.StreamOrdersRequest, $root.shop.v1.Order, request, callback);
            }, "name", { value: "StreamOrders" });

            /**
             * Calls StreamOrders.
             * @function streamOrders
             * @memberof shop.v1.OrderService
             * @instance
             * @param {shop.v1.IStreamOrdersRequest} request StreamOrdersRequest message or plain object
             * @returns {Promise<shop.v1.Order>} Promise
             * @variation 2
             */

            return OrderService;
        })();

        v1.UploadChunk = (function() {

            /**
             * Properties of an UploadChunk.
             * @memberof shop.v1
             * @interface IUploadChunk
             * @property {Uint8Array|null} [data] UploadChunk data
             */

            /**
             * Constructs a new UploadChunk.
             * @memberof shop.v1
             * @classdesc Represents an UploadChunk.
             * @implements IUploadChunk
             * @constructor
             * @param {shop.v1.IUploadChunk=} [p] Properties to set
             */
            function UploadChunk(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * UploadChunk data.
             * @member {Uint8Array} data
             * @memberof shop.v1.UploadChunk
             * @instance
             */
            UploadChunk.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new UploadChunk instance using the specified properties.
             * @function create
             * @memberof shop.v1.UploadChunk
             * @static
             * @param {shop.v1.IUploadChunk=} [properties] Properties to set
             * @returns {shop.v1.UploadChunk} UploadChunk instance
             */
            UploadChunk.create = function create(properties) {
                return new UploadChunk(properties);
            };

            /**
             * Encodes the specified UploadChunk message. Does not implicitly {@link shop.v1.UploadChunk.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.UploadChunk
             * @static
             * @param {shop.v1.IUploadChunk} m UploadChunk message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UploadChunk.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.data != null && Object.hasOwnProperty.call(m, "data"))
                    w.uint32(10).bytes(m.data);
                return w;
            };

            /**
             * Encodes the specified UploadChunk message, length delimited. Does not implicitly {@link shop.v1.UploadChunk.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.UploadChunk
             * @static
             * @param {shop.v1.IUploadChunk} message UploadChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UploadChunk.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an UploadChunk message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.UploadChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.UploadChunk} UploadChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UploadChunk.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.UploadChunk();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.data = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an UploadChunk message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.UploadChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.UploadChunk} UploadChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UploadChunk.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an UploadChunk message.
             * @function verify
             * @memberof shop.v1.UploadChunk
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            UploadChunk.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.data != null && Object.hasOwnProperty.call(m, "data")) {
                    if (!(m.data && typeof m.data.length === "number" || $util.isString(m.data)))
                        return "data: buffer expected";
                }
                return null;
            };

            /**
             * Creates an UploadChunk message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.UploadChunk
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.UploadChunk} UploadChunk
             */
            UploadChunk.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.UploadChunk)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.UploadChunk: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.UploadChunk();
                if (d.data != null) {
                    if (typeof d.data === "string")
                        $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                    else if (d.data.length >= 0)
                        m.data = d.data;
                }
                return m;
            };

            /**
             * Creates a plain object from an UploadChunk message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.UploadChunk
             * @static
             * @param {shop.v1.UploadChunk} m UploadChunk
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            UploadChunk.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== Array)
                            d.data = $util.newBuffer(d.data);
                    }
                }
                if (m.data != null && Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === Array ? Array.prototype.slice.call(m.data) : m.data;
                }
                return d;
            };

            /**
             * Converts this UploadChunk to JSON.
             * @function toJSON
             * @memberof shop.v1.UploadChunk
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            UploadChunk.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for UploadChunk
             * @function getTypeUrl
             * @memberof shop.v1.UploadChunk
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            UploadChunk.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.UploadChunk";
            };

            return UploadChunk;
        })();

        v1.UploadResult = (function() {

            /**
             * Properties of an UploadResult.
             * @memberof shop.v1
             * @interface IUploadResult
             * @property {number|Long|null} [size] UploadResult size
             * @property {string|null} [sha256] UploadResult sha256
             * @property {number|null} [chunks] UploadResult chunks
             */

            /**
             * Constructs a new UploadResult.
             * @memberof shop.v1
             * @classdesc Represents an UploadResult.
             * @implements IUploadResult
             * @constructor
             * @param {shop.v1.IUploadResult=} [p] Properties to set
             */
            function UploadResult(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * UploadResult size.
             * @member {number|Long} size
             * @memberof shop.v1.UploadResult
             * @instance
             */
            UploadResult.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * UploadResult sha256.
             * @member {string} sha256
             * @memberof shop.v1.UploadResult
             * @instance
             */
            UploadResult.prototype.sha256 = "";

            /**
             * UploadResult chunks.
             * @member {number} chunks
             * @memberof shop.v1.UploadResult
             * @instance
             */
            UploadResult.prototype.chunks = 0;

            /**
             * Creates a new UploadResult instance using the specified properties.
             * @function create
             * @memberof shop.v1.UploadResult
             * @static
             * @param {shop.v1.IUploadResult=} [properties] Properties to set
             * @returns {shop.v1.UploadResult} UploadResult instance
             */
            UploadResult.create = function create(properties) {
                return new UploadResult(properties);
            };

            /**
             * Encodes the specified UploadResult message. Does not implicitly {@link shop.v1.UploadResult.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.UploadResult
             * @static
             * @param {shop.v1.IUploadResult} m UploadResult message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UploadResult.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.size != null && Object.hasOwnProperty.call(m, "size"))
                    w.uint32(8).int64(m.size);
                if (m.sha256 != null && Object.hasOwnProperty.call(m, "sha256"))
                    w.uint32(18).string(m.sha256);
                if (m.chunks != null && Object.hasOwnProperty.call(m, "chunks"))
                    w.uint32(24).int32(m.chunks);
                return w;
            };

            /**
             * Encodes the specified UploadResult message, length delimited. Does not implicitly {@link shop.v1.UploadResult.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.UploadResult
             * @static
             * @param {shop.v1.IUploadResult} message UploadResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UploadResult.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an UploadResult message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.UploadResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.UploadResult} UploadResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UploadResult.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.UploadResult();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.size = r.int64();
                            break;
                        }
                    case 2: {
                            m.sha256 = r.string();
                            break;
                        }
                    case 3: {
                            m.chunks = r.int32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an UploadResult message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.UploadResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.UploadResult} UploadResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UploadResult.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an UploadResult message.
             * @function verify
             * @memberof shop.v1.UploadResult
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            UploadResult.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.size != null && Object.hasOwnProperty.call(m, "size")) {
                    if (!$util.isInteger(m.size) && !(m.size && $util.isInteger(m.size.low) && $util.isInteger(m.size.high)))
                        return "size: integer|Long expected";
                }
                if (m.sha256 != null && Object.hasOwnProperty.call(m, "sha256")) {
                    if (!$util.isString(m.sha256))
                        return "sha256: string expected";
                }
                if (m.chunks != null && Object.hasOwnProperty.call(m, "chunks")) {
                    if (!$util.isInteger(m.chunks))
                        return "chunks: integer expected";
                }
                return null;
            };

            /**
             * Creates an UploadResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.UploadResult
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.UploadResult} UploadResult
             */
            UploadResult.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.UploadResult)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.UploadResult: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.UploadResult();
                if (d.size != null) {
                    if ($util.Long)
                        m.size = $util.Long.fromValue(d.size, false);
                    else if (typeof d.size === "string")
                        m.size = parseInt(d.size, 10);
                    else if (typeof d.size === "number")
                        m.size = d.size;
                    else if (typeof d.size === "object")
                        m.size = new $util.LongBits(d.size.low >>> 0, d.size.high >>> 0).toNumber();
                }
                if (d.sha256 != null) {
                    m.sha256 = String(d.sha256);
                }
                if (d.chunks != null) {
                    m.chunks = d.chunks | 0;
                }
                return m;
            };

            /**
             * Creates a plain object from an UploadResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.UploadResult
             * @static
             * @param {shop.v1.UploadResult} m UploadResult
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            UploadResult.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.size = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.size = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.sha256 = "";
                    d.chunks = 0;
                }
                if (m.size != null && Object.hasOwnProperty.call(m, "size")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.size = typeof m.size === "number" ? BigInt(m.size) : $util.Long.fromBits(m.size.low >>> 0, m.size.high >>> 0, false).toBigInt();
                    else if (typeof m.size === "number")
                        d.size = o.longs === String ? String(m.size) : m.size;
                    else
                        d.size = o.longs === String ? $util.Long.prototype.toString.call(m.size) : o.longs === Number ? new $util.LongBits(m.size.low >>> 0, m.size.high >>> 0).toNumber() : m.size;
                }
                if (m.sha256 != null && Object.hasOwnProperty.call(m, "sha256")) {
                    d.sha256 = m.sha256;
                }
                if (m.chunks != null && Object.hasOwnProperty.call(m, "chunks")) {
                    d.chunks = m.chunks;
                }
                return d;
            };

            /**
             * Converts this UploadResult to JSON.
             * @function toJSON
             * @memberof shop.v1.UploadResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            UploadResult.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for UploadResult
             * @function getTypeUrl
             * @memberof shop.v1.UploadResult
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            UploadResult.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.UploadResult";
            };

            return UploadResult;
        })();

        v1.UploadService = (function() {

            /**
             * Constructs a new UploadService service.
             * @memberof shop.v1
             * @classdesc Represents an UploadService
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function UploadService(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (UploadService.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = UploadService;

            /**
             * Creates new UploadService service using the specified rpc implementation.
             * @function create
             * @memberof shop.v1.UploadService
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {UploadService} RPC service. Useful where requests and/or responses are streamed.
             */
            UploadService.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link shop.v1.UploadService#upload}.
             * @memberof shop.v1.UploadService
             * @typedef UploadCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {shop.v1.UploadResult} [response] UploadResult
             */

            /**
             * Calls Upload.
             * @function upload
             * @memberof shop.v1.UploadService
             * @instance
             * @param {shop.v1.IUploadChunk} request UploadChunk message or plain object
             * @param {shop.v1.UploadService.UploadCallback} callback Node-style callback called with the error, if any, and UploadResult
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(UploadService.prototype.upload = function upload(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, upload, $root.shop.v1.UploadChunk, $root.shop.v1.UploadResult, request, callback);
            }, "name", { value: "Upload" });

            /**
             * Calls Upload.
             * @function upload
             * @memberof shop.v1.UploadService
             * @instance
             * @param {shop.v1.IUploadChunk} request UploadChunk message or plain object
             * @returns {Promise<shop.v1.UploadResult>} Promise
             * @variation 2
             */

            return UploadService;
        })();

        v1.ChatMessage = (function() {

            /**
             * Properties of a ChatMessage.
             * @memberof shop.v1
             * @interface IChatMessage
             * @property {string|null} [sessionId] ChatMessage sessionId
             * @property {number|Long|null} [sequence] ChatMessage sequence
             * @property {string|null} [text] ChatMessage text
             * @property {google.protobuf.ITimestamp|null} [sentAt] ChatMessage sentAt
             * @property {google.protobuf.ITimestamp|null} [serverTime] ChatMessage serverTime
             */

            /**
             * Constructs a new ChatMessage.
             * @memberof shop.v1
             * @classdesc Represents a ChatMessage.
             * @implements IChatMessage
             * @constructor
             * @param {shop.v1.IChatMessage=} [p] Properties to set
             */
            function ChatMessage(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ChatMessage sessionId.
             * @member {string} sessionId
             * @memberof shop.v1.ChatMessage
             * @instance
             */
            ChatMessage.prototype.sessionId = "";

            /**
             * ChatMessage sequence.
             * @member {number|Long} sequence
             * @memberof shop.v1.ChatMessage
             * @instance
             */
            ChatMessage.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * ChatMessage text.
             * @member {string} text
             * @memberof shop.v1.ChatMessage
             * @instance
             */
            ChatMessage.prototype.text = "";

            /**
             * ChatMessage sentAt.
             * @member {google.protobuf.ITimestamp|null|undefined} sentAt
             * @memberof shop.v1.ChatMessage
             * @instance
             */
            ChatMessage.prototype.sentAt = null;

            /**
             * ChatMessage serverTime.
             * @member {google.protobuf.ITimestamp|null|undefined} serverTime
             * @memberof shop.v1.ChatMessage
             * @instance
             */
            ChatMessage.prototype.serverTime = null;

            /**
             * Creates a new ChatMessage instance using the specified properties.
             * @function create
             * @memberof shop.v1.ChatMessage
             * @static
             * @param {shop.v1.IChatMessage=} [properties] Properties to set
             * @returns {shop.v1.ChatMessage} ChatMessage instance
             */
            ChatMessage.create = function create(properties) {
                return new ChatMessage(properties);
            };

            /**
             * Encodes the specified ChatMessage message. Does not implicitly {@link shop.v1.ChatMessage.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.ChatMessage
             * @static
             * @param {shop.v1.IChatMessage} m ChatMessage message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ChatMessage.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.sessionId != null && Object.hasOwnProperty.call(m, "sessionId"))
                    w.uint32(10).string(m.sessionId);
                if (m.sequence != null && Object.hasOwnProperty.call(m, "sequence"))
                    w.uint32(16).int64(m.sequence);
                if (m.text != null && Object.hasOwnProperty.call(m, "text"))
                    w.uint32(26).string(m.text);
                if (m.sentAt != null && Object.hasOwnProperty.call(m, "sentAt"))
                    $root.google.protobuf.Timestamp.encode(m.sentAt, w.uint32(34).fork(), q + 1).ldelim();
                if (m.serverTime != null && Object.hasOwnProperty.call(m, "serverTime"))
                    $root.google.protobuf.Timestamp.encode(m.serverTime, w.uint32(42).fork(), q + 1).ldelim();
                return w;
            };

            /**
             * Encodes the specified ChatMessage message, length delimited. Does not implicitly {@link shop.v1.ChatMessage.verify|verify} messages.
             * @function encodeDelimited
             * @memberof shop.v1.ChatMessage
             * @static
             * @param {shop.v1.IChatMessage} message ChatMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ChatMessage.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a ChatMessage message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.ChatMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {shop.v1.ChatMessage} ChatMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ChatMessage.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.shop.v1.ChatMessage();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.sessionId = r.string();
                            break;
                        }
                    case 2: {
                            m.sequence = r.int64();
                            break;
                        }
                    case 3: {
                            m.text = r.string();
                            break;
                        }
                    case 4: {
                            m.sentAt = $root.google.protobuf.Timestamp.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 5: {
                            m.serverTime = $root.google.protobuf.Timestamp.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a ChatMessage message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof shop.v1.ChatMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {shop.v1.ChatMessage} ChatMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ChatMessage.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a ChatMessage message.
             * @function verify
             * @memberof shop.v1.ChatMessage
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ChatMessage.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.sessionId != null && Object.hasOwnProperty.call(m, "sessionId")) {
                    if (!$util.isString(m.sessionId))
                        return "sessionId: string expected";
                }
                if (m.sequence != null && Object.hasOwnProperty.call(m, "sequence")) {
                    if (!$util.isInteger(m.sequence) && !(m.sequence && $util.isInteger(m.sequence.low) && $util.isInteger(m.sequence.high)))
                        return "sequence: integer|Long expected";
                }
                if (m.text != null && Object.hasOwnProperty.call(m, "text")) {
                    if (!$util.isString(m.text))
                        return "text: string expected";
                }
                if (m.sentAt != null && Object.hasOwnProperty.call(m, "sentAt")) {
                    {
                        var e = $root.google.protobuf.Timestamp.verify(m.sentAt, n + 1);
                        if (e)
                            return "sentAt." + e;
                    }
                }
                if (m.serverTime != null && Object.hasOwnProperty.call(m, "serverTime")) {
                    {
                        var e = $root.google.protobuf.Timestamp.verify(m.serverTime, n + 1);
                        if (e)
                            return "serverTime." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a ChatMessage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof shop.v1.ChatMessage
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {shop.v1.ChatMessage} ChatMessage
             */
            ChatMessage.fromObject = function fromObject(d, n) {
                if (d instanceof $root.shop.v1.ChatMessage)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".shop.v1.ChatMessage: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.shop.v1.ChatMessage();
                if (d.sessionId != null) {
                    m.sessionId = String(d.sessionId);
                }
                if (d.sequence != null) {
                    if ($util.Long)
                        m.sequence = $util.Long.fromValue(d.sequence, false);
                    else if (typeof d.sequence === "string")
                        m.sequence = parseInt(d.sequence, 10);
                    else if (typeof d.sequence === "number")
                        m.sequence = d.sequence;
                    else if (typeof d.sequence === "object")
                        m.sequence = new $util.LongBits(d.sequence.low >>> 0, d.sequence.high >>> 0).toNumber();
                }
                if (d.text != null) {
                    m.text = String(d.text);
                }
                if (d.sentAt != null) {
                    if (!$util.isObject(d.sentAt))
                        throw TypeError(".shop.v1.ChatMessage.sentAt: object expected");
                    m.sentAt = $root.google.protobuf.Timestamp.fromObject(d.sentAt, n + 1);
                }
                if (d.serverTime != null) {
                    if (!$util.isObject(d.serverTime))
                        throw TypeError(".shop.v1.ChatMessage.serverTime: object expected");
                    m.serverTime = $root.google.protobuf.Timestamp.fromObject(d.serverTime, n + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a ChatMessage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof shop.v1.ChatMessage
             * @static
             * @param {shop.v1.ChatMessage} m ChatMessage
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ChatMessage.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.sessionId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.sequence = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.sequence = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.text = "";
                    d.sentAt = null;
                    d.serverTime = null;
                }
                if (m.sessionId != null && Object.hasOwnProperty.call(m, "sessionId")) {
                    d.sessionId = m.sessionId;
                }
                if (m.sequence != null && Object.hasOwnProperty.call(m, "sequence")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.sequence = typeof m.sequence === "number" ? BigInt(m.sequence) : $util.Long.fromBits(m.sequence.low >>> 0, m.sequence.high >>> 0, false).toBigInt();
                    else if (typeof m.sequence === "number")
                        d.sequence = o.longs === String ? String(m.sequence) : m.sequence;
                    else
                        d.sequence = o.longs === String ? $util.Long.prototype.toString.call(m.sequence) : o.longs === Number ? new $util.LongBits(m.sequence.low >>> 0, m.sequence.high >>> 0).toNumber() : m.sequence;
                }
                if (m.text != null && Object.hasOwnProperty.call(m, "text")) {
                    d.text = m.text;
                }
                if (m.sentAt != null && Object.hasOwnProperty.call(m, "sentAt")) {
                    d.sentAt = $root.google.protobuf.Timestamp.toObject(m.sentAt, o, q + 1);
                }
                if (m.serverTime != null && Object.hasOwnProperty.call(m, "serverTime")) {
                    d.serverTime = $root.google.protobuf.Timestamp.toObject(m.serverTime, o, q + 1);
                }
                return d;
            };

            /**
             * Converts this ChatMessage to JSON.
             * @function toJSON
             * @memberof shop.v1.ChatMessage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ChatMessage.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ChatMessage
             * @function getTypeUrl
             * @memberof shop.v1.ChatMessage
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ChatMessage.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.ChatMessage";
            };

            return ChatMessage;
        })();

        v1.ChatService = (function() {

            /**
             * Constructs a new ChatService service.
             * @memberof shop.v1
             * @classdesc Represents a ChatService
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function ChatService(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (ChatService.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = ChatService;

            /**
             * Creates new ChatService service using the specified rpc implementation.
             * @function create
             * @memberof shop.v1.ChatService
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {ChatService} RPC service. Useful where requests and/or responses are streamed.
             */
            ChatService.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link shop.v1.ChatService#chat}.
             * @memberof shop.v1.ChatService
             * @typedef ChatCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {shop.v1.ChatMessage} [response] ChatMessage
             */

            /**
             * Calls Chat.
             * @function chat
             * @memberof shop.v1.ChatService
             * @instance
             * @param {shop.v1.IChatMessage} request ChatMessage message or plain object
             * @param {shop.v1.ChatService.ChatCallback} callback Node-style callback called with the error, if any, and ChatMessage
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(ChatService.prototype.chat = function chat(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, chat, $root.shop.v1.ChatMessage, $root.shop.v1.ChatMessage, request, callback);
            }, "name", { value: "Chat" });

            /**
             * Calls Chat.
             * @function chat
             * @memberof shop.v1.ChatService
             * @instance
             * @param {shop.v1.IChatMessage} request ChatMessage message or plain object
             * @returns {Promise<shop.v1.ChatMessage>} Promise
             * @variation 2
             */

            return ChatService;
        })();

        return v1;
    })();

    return shop;
})();

export const google = $root.google = (() => {

    /**
     * Namespace google.
     * @exports google
     * @namespace
     */
    const google = {};

    google.protobuf = (function() {

        /**
         * Namespace protobuf.
         * @memberof google
         * @namespace
         */
        const protobuf = {};

        protobuf.Empty = (function() {

            /**
             * Properties of an Empty.
             * @memberof google.protobuf
             * @interface IEmpty
             */

            /**
             * Constructs a new Empty.
             * @memberof google.protobuf
             * @classdesc Represents an Empty.
             * @implements IEmpty
             * @constructor
             * @param {google.protobuf.IEmpty=} [p] Properties to set
             */
            function Empty(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Creates a new Empty instance using the specified properties.
             * @function create
             * @memberof google.protobuf.Empty
             * @static
             * @param {google.protobuf.IEmpty=} [properties] Properties to set
             * @returns {google.protobuf.Empty} Empty instance
             */
            Empty.create = function create(properties) {
                return new Empty(properties);
            };

            /**
             * Encodes the specified Empty message. Does not implicitly {@link google.protobuf.Empty.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.Empty
             * @static
             * @param {google.protobuf.IEmpty} m Empty message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Empty.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return w;
            };

            /**
             * Encodes the specified Empty message, length delimited. Does not implicitly {@link google.protobuf.Empty.verify|verify} messages.
             * @function encodeDelimited
             * @memberof google.protobuf.Empty
             * @static
             * @param {google.protobuf.IEmpty} message Empty message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Empty.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an Empty message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.Empty
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {google.protobuf.Empty} Empty
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Empty.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.google.protobuf.Empty();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes an Empty message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof google.protobuf.Empty
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {google.protobuf.Empty} Empty
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Empty.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies an Empty message.
             * @function verify
             * @memberof google.protobuf.Empty
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Empty.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                return null;
            };

            /**
             * Creates an Empty message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof google.protobuf.Empty
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {google.protobuf.Empty} Empty
             */
            Empty.fromObject = function fromObject(d, n) {
                if (d instanceof $root.google.protobuf.Empty)
                    return d;
                return new $root.google.protobuf.Empty();
            };

            /**
             * Creates a plain object from an Empty message. Also converts values to other types if specified.
             * @function toObject
             * @memberof google.protobuf.Empty
             * @static
             * @param {google.protobuf.Empty} m Empty
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Empty.toObject = function toObject() {
                return {};
            };

            /**
             * Converts this Empty to JSON.
             * @function toJSON
             * @memberof google.protobuf.Empty
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Empty.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Empty
             * @function getTypeUrl
             * @memberof google.protobuf.Empty
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Empty.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/google.protobuf.Empty";
            };

            return Empty;
        })();

        protobuf.Timestamp = (function() {

            /**
             * Properties of a Timestamp.
             * @memberof google.protobuf
             * @interface ITimestamp
             * @property {number|Long|null} [seconds] Timestamp seconds
             * @property {number|null} [nanos] Timestamp nanos
             */

            /**
             * Constructs a new Timestamp.
             * @memberof google.protobuf
             * @classdesc Represents a Timestamp.
             * @implements ITimestamp
             * @constructor
             * @param {google.protobuf.ITimestamp=} [p] Properties to set
             */
            function Timestamp(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Timestamp seconds.
             * @member {number|Long} seconds
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.seconds = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Timestamp nanos.
             * @member {number} nanos
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.nanos = 0;

            /**
             * Creates a new Timestamp instance using the specified properties.
             * @function create
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.ITimestamp=} [properties] Properties to set
             * @returns {google.protobuf.Timestamp} Timestamp instance
             */
            Timestamp.create = function create(properties) {
                return new Timestamp(properties);
            };

            /**
             * Encodes the specified Timestamp message. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.ITimestamp} m Timestamp message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Timestamp.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.seconds != null && Object.hasOwnProperty.call(m, "seconds"))
                    w.uint32(8).int64(m.seconds);
                if (m.nanos != null && Object.hasOwnProperty.call(m, "nanos"))
                    w.uint32(16).int32(m.nanos);
                return w;
            };

            /**
             * Encodes the specified Timestamp message, length delimited. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @function encodeDelimited
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.ITimestamp} message Timestamp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Timestamp.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Timestamp message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {google.protobuf.Timestamp} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Timestamp.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.google.protobuf.Timestamp();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.seconds = r.int64();
                            break;
                        }
                    case 2: {
                            m.nanos = r.int32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Decodes a Timestamp message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {google.protobuf.Timestamp} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Timestamp.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Verifies a Timestamp message.
             * @function verify
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Timestamp.verify = function verify(m, n) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (m.seconds != null && Object.hasOwnProperty.call(m, "seconds")) {
                    if (!$util.isInteger(m.seconds) && !(m.seconds && $util.isInteger(m.seconds.low) && $util.isInteger(m.seconds.high)))
                        return "seconds: integer|Long expected";
                }
                if (m.nanos != null && Object.hasOwnProperty.call(m, "nanos")) {
                    if (!$util.isInteger(m.nanos))
                        return "nanos: integer expected";
                }
                return null;
            };

            /**
             * Creates a Timestamp message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {google.protobuf.Timestamp} Timestamp
             */
            Timestamp.fromObject = function fromObject(d, n) {
                if (d instanceof $root.google.protobuf.Timestamp)
                    return d;
                if (!$util.isObject(d))
                    throw TypeError(".google.protobuf.Timestamp: object expected");
                if (n === undefined)
                    n = 0;
                if (n > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var m = new $root.google.protobuf.Timestamp();
                if (d.seconds != null) {
                    if ($util.Long)
                        m.seconds = $util.Long.fromValue(d.seconds, false);
                    else if (typeof d.seconds === "string")
                        m.seconds = parseInt(d.seconds, 10);
                    else if (typeof d.seconds === "number")
                        m.seconds = d.seconds;
                    else if (typeof d.seconds === "object")
                        m.seconds = new $util.LongBits(d.seconds.low >>> 0, d.seconds.high >>> 0).toNumber();
                }
                if (d.nanos != null) {
                    m.nanos = d.nanos | 0;
                }
                return m;
            };

            /**
             * Creates a plain object from a Timestamp message. Also converts values to other types if specified.
             * @function toObject
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp} m Timestamp
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Timestamp.toObject = function toObject(m, o, q) {
                if (!o)
                    o = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.seconds = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                    } else
                        d.seconds = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    d.nanos = 0;
                }
                if (m.seconds != null && Object.hasOwnProperty.call(m, "seconds")) {
                    if (typeof BigInt !== "undefined" && o.longs === BigInt)
                        d.seconds = typeof m.seconds === "number" ? BigInt(m.seconds) : $util.Long.fromBits(m.seconds.low >>> 0, m.seconds.high >>> 0, false).toBigInt();
                    else if (typeof m.seconds === "number")
                        d.seconds = o.longs === String ? String(m.seconds) : m.seconds;
                    else
                        d.seconds = o.longs === String ? $util.Long.prototype.toString.call(m.seconds) : o.longs === Number ? new $util.LongBits(m.seconds.low >>> 0, m.seconds.high >>> 0).toNumber() : m.seconds;
                }
                if (m.nanos != null && Object.hasOwnProperty.call(m, "nanos")) {
                    d.nanos = m.nanos;
                }
                return d;
            };

            /**
             * Converts this Timestamp to JSON.
             * @function toJSON
             * @memberof google.protobuf.Timestamp
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Timestamp.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Timestamp
             * @function getTypeUrl
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Timestamp.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/google.protobuf.Timestamp";
            };

            return Timestamp;
        })();

        return protobuf;
    })();

    return google;
})();

export { $root as default };
