#pragma once

#include <QString>

namespace shellac {

/// A failure a user can act on: which file (or option) and what is wrong with it.
///
/// I/O and validation functions return an Error inside a Result instead of throwing; exceptions
/// are reserved for broken preconditions (programming errors). The text is meant for people:
/// no error codes, no stack traces.
struct Error {
    /// The file, folder or option the problem concerns; may be empty for general failures.
    QString subject;
    /// What is wrong, as a sentence fragment without the subject ("file is empty (0 bytes)").
    QString reason;

    /// "subject: reason", or just the reason when there is no subject.
    QString message() const;
};

} // namespace shellac
