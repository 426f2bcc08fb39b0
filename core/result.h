#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace fermata {

// An error a person can act on: a stable code for callers plus a sentence for people.
struct Error
{
    enum class Code {
        Invalid,       // bad input from a user or a file
        NotFound,
        Io,            // the file system or a device failed
        Database,      // SQLite / PostgreSQL reported an error
        NotADatabase,  // the file is not a SQLite database
        Damaged,       // the database failed its integrity check
        NewerSchema,   // the file was written by a newer Fermata
        ReadOnly,      // the disk or folder cannot be written
        DiskFull,      // no room left on the disk
        Denied,        // another user owns what Fermata was about to use (a folder, a socket)
    };
    Code code = Code::Invalid;
    QString message;

    bool operator==(const Error &) const = default;
};

// A value or an Error (C++20 has no std::expected). Errors never cross the event loop
// as exceptions; callers check isOk() and show error().message.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    static Result failure(Error::Code code, QString message)
    {
        return Result(Error{code, std::move(message)});
    }

    bool isOk() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return isOk(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// Success carries nothing; failure carries an Error.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}

    static Status failure(Error::Code code, QString message)
    {
        return Status(Error{code, std::move(message)});
    }

    bool isOk() const { return !m_error.has_value(); }
    explicit operator bool() const { return isOk(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace fermata
