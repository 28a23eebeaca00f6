package dev.parley.protocol.seed;

import java.util.List;
import java.util.Objects;

/**
 * The six messages the stock seed client knows. Field names follow the original Go structs; strings are never
 * null (Go's zero value is {@code ""}), so a missing optional string decodes as {@code ""}.
 */
public sealed interface SeedMessage {

    /** The envelope's {@code type} value. */
    String type();

    /** Client to server. The stock client always sends {@code userName} empty. */
    record LoginMes(long userId, String userPwd, String userName) implements SeedMessage {
        public static final String TYPE = "LoginMes";

        public LoginMes {
            Objects.requireNonNull(userPwd, "userPwd");
            Objects.requireNonNull(userName, "userName");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * Server to client, and the first frame on a login connection (the stock client reads it without checking its
     * type). {@code usersId} is null on failure, which goes on the wire as {@code "UsersId":null}.
     */
    record LoginResMes(int code, List<Long> usersId, String error) implements SeedMessage {
        public static final String TYPE = "LoginResMes";

        public static final int OK = 200;
        public static final int NO_SUCH_USER = 500;
        public static final int WRONG_PASSWORD = 403;
        public static final int SERVER_ERROR = 505;

        // The original server's texts, so the stock client prints what its users are used to.
        public static final String NO_SUCH_USER_TEXT = "用户不存在..";
        public static final String WRONG_PASSWORD_TEXT = "密码不正确";
        public static final String SERVER_ERROR_TEXT = "服务器内部错误...";

        public LoginResMes {
            usersId = usersId == null ? null : List.copyOf(usersId);
            Objects.requireNonNull(error, "error");
        }

        public static LoginResMes ok(List<Long> onlineUserIds) {
            return new LoginResMes(OK, Objects.requireNonNull(onlineUserIds, "onlineUserIds"), "");
        }

        public static LoginResMes noSuchUser() {
            return new LoginResMes(NO_SUCH_USER, null, NO_SUCH_USER_TEXT);
        }

        public static LoginResMes wrongPassword() {
            return new LoginResMes(WRONG_PASSWORD, null, WRONG_PASSWORD_TEXT);
        }

        public static LoginResMes serverError() {
            return new LoginResMes(SERVER_ERROR, null, SERVER_ERROR_TEXT);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** Client to server, on a connection of its own. */
    record RegisterMes(SeedUser user) implements SeedMessage {
        public static final String TYPE = "RegisterMes";

        public RegisterMes {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** Server to client; the only frame sent on a register connection. */
    record RegisterResMes(int code, String error) implements SeedMessage {
        public static final String TYPE = "RegisterResMes";

        public static final int OK = 200;
        public static final int USER_EXISTS = 505;
        public static final int OTHER_ERROR = 506;

        public static final String USER_EXISTS_TEXT = "用户已经存在...";
        public static final String OTHER_ERROR_TEXT = "注册发生未知错误...";

        public RegisterResMes {
            Objects.requireNonNull(error, "error");
        }

        public static RegisterResMes ok() {
            return new RegisterResMes(OK, "");
        }

        public static RegisterResMes userExists() {
            return new RegisterResMes(USER_EXISTS, USER_EXISTS_TEXT);
        }

        public static RegisterResMes otherError() {
            return new RegisterResMes(OTHER_ERROR, OTHER_ERROR_TEXT);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** Server to client: presence. {@code status} is a {@link SeedStatus} value. */
    record NotifyUserStatusMes(long userId, int status) implements SeedMessage {
        public static final String TYPE = "NotifyUserStatusMes";

        public static NotifyUserStatusMes online(long userId) {
            return new NotifyUserStatusMes(userId, SeedStatus.ONLINE);
        }

        public static NotifyUserStatusMes offline(long userId) {
            return new NotifyUserStatusMes(userId, SeedStatus.OFFLINE);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * Group message, both ways: {@code content} plus the original {@code User} fields flattened in. From a client
     * the {@code userId} is only a claim; the server must put the session's real id there when forwarding.
     */
    record SmsMes(String content, long userId, String userPwd, String userName, int userStatus, String sex)
            implements SeedMessage {
        public static final String TYPE = "SmsMes";

        public SmsMes {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(userPwd, "userPwd");
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(sex, "sex");
        }

        /** What the stock client sends, and what the server forwards: only content, id and status are filled. */
        public static SmsMes group(String content, long userId) {
            return new SmsMes(content, userId, "", "", SeedStatus.ONLINE, "");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }
}
