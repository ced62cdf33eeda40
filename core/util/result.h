#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace sk {

// An error a person can act on: a stable code for programs, a message for people,
// and an optional detail (the SQL statement, the field, the line) for whoever debugs it.
struct Error
{
    QString code;
    QString message;
    QString detail;

    QString toString() const
    {
        return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + QLatin1Char(')');
    }
};

inline Error makeError(QString code, QString message, QString detail = {})
{
    return Error{std::move(code), std::move(message), std::move(detail)};
}

// Either a value or an Error. Use instead of bool plus out-parameters.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(const T &value) : m_value(std::in_place_index<0>, value) {}
    Result(T &&value) : m_value(std::in_place_index<0>, std::move(value)) {}
    Result(const Error &error) : m_value(std::in_place_index<1>, error) {}
    Result(Error &&error) : m_value(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_value); }
    const T &value() const & { return std::get<0>(m_value); }
    T &&value() && { return std::get<0>(std::move(m_value)); }
    T valueOr(T fallback) const { return ok() ? std::get<0>(m_value) : std::move(fallback); }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_value); }

private:
    std::variant<T, Error> m_value;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error &error) : m_error(error) {}
    Result(Error &&error) : m_error(std::move(error)) {}

    static Result success() { return {}; }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace sk

// Returns the error of a failed Result from the enclosing function.
#define SK_TRY(expr)                          \
    do {                                      \
        auto &&sk_try_result_ = (expr);       \
        if (!sk_try_result_.ok())             \
            return sk_try_result_.error();    \
    } while (false)

// Declares `var` from a Result's value, or returns its error.
#define SK_TRY_ASSIGN(var, expr)                   \
    auto var##_result_ = (expr);                   \
    if (!var##_result_.ok())                       \
        return var##_result_.error();              \
    auto var = std::move(var##_result_).value()
