#pragma once

#include "CliContext.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

namespace shellac::cli {

/// One `shellac-cli SUBCOMMAND`. The help text is generated from the same option list the
/// parser uses, so `SUBCOMMAND --help` cannot drift from what is accepted.
class CliCommand {
public:
    virtual ~CliCommand() = default;

    virtual QString name() const = 0;
    /// One line for the command list.
    virtual QString summary() const = 0;
    /// Arguments after the command name, e.g. "[--json] FILE...".
    virtual QString synopsis() const = 0;
    /// Paragraphs explaining what the command does, its output and exit status.
    virtual QString description() const = 0;
    /// Options besides --help.
    virtual QList<QCommandLineOption> options() const = 0;
    /// Runs with parsed options; returns the process exit code (see ExitCode).
    virtual int run(const QCommandLineParser& parser, CliContext& context) = 0;

    /// Full help: usage, description, options.
    QString helpText() const;
};

/// Formats an option table ("  -o, --output FILE   Where to write ...") at a fixed column.
QString formatOptionTable(const QList<QCommandLineOption>& options);

} // namespace shellac::cli
