#include "project/ProjectFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace shellac {

namespace {

constexpr const char* kStatusKeys[] = {"new", "restoring", "restored", "checked"};

QString shown(const QString& path) { return QDir::toNativeSeparators(path); }

QString isoUtc(const QDateTime& t) { return t.toUTC().toString(Qt::ISODateWithMs); }

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QObject::tr("null");
    case QJsonValue::Bool: return QObject::tr("a boolean");
    case QJsonValue::Double: return QObject::tr("a number");
    case QJsonValue::String: return QObject::tr("a string");
    case QJsonValue::Array: return QObject::tr("an array");
    case QJsonValue::Object: return QObject::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return QObject::tr("missing");
}

/// Reads typed fields of one JSON object; errors name the file, the place ("entry 2") and the field.
class FieldReader {
public:
    FieldReader(QString file, QString place, const QJsonObject& object, QString fieldPrefix = {})
        : m_file(std::move(file)), m_place(std::move(place)), m_object(object), m_prefix(std::move(fieldPrefix))
    {
    }

    Error error(const QString& field, const QString& problem) const
    {
        return located(QObject::tr("field \"%1\" %2").arg(m_prefix + field, problem));
    }
    /// `reason` with the file as subject and the place in front.
    Error located(const QString& reason) const
    {
        return Error{m_file, m_place.isEmpty() ? reason : m_place + QStringLiteral(": ") + reason};
    }
    Error wrongType(const QString& field, const QString& expected) const
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined())
            return error(field, QObject::tr("is missing (expected %1)").arg(expected));
        return error(field, QObject::tr("must be %1, got %2").arg(expected, typeName(v)));
    }
    bool has(const QString& field) const { return m_object.contains(field); }

    Result<QString> string(const QString& field, bool required, bool nonEmpty = false) const
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined() && !required)
            return QString();
        if (!v.isString())
            return wrongType(field, QObject::tr("a string"));
        if (nonEmpty && v.toString().isEmpty())
            return error(field, QObject::tr("must not be empty"));
        return v.toString();
    }
    Result<QJsonObject> object(const QString& field) const
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined())
            return QJsonObject();
        if (!v.isObject())
            return wrongType(field, QObject::tr("an object"));
        return v.toObject();
    }
    Result<QJsonArray> array(const QString& field, bool required) const
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined() && !required)
            return QJsonArray();
        if (!v.isArray())
            return wrongType(field, QObject::tr("an array"));
        return v.toArray();
    }
    Result<int> integer(const QString& field, int fallback, bool required = false) const
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined() && !required)
            return fallback;
        const double d = v.toDouble(0.5);
        if (!v.isDouble() || d != std::floor(d) || std::abs(d) > 1e9)
            return wrongType(field, QObject::tr("a whole number"));
        return int(d);
    }
    Result<QDateTime> time(const QString& field) const
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined() || v.isNull())
            return QDateTime();
        const QDateTime t = v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
        if (!t.isValid())
            return error(field, QObject::tr("must be an ISO 8601 time such as \"2026-12-01T09:57:22.123Z\""));
        return t.toUTC();
    }

private:
    QString m_file;
    QString m_place;
    QJsonObject m_object;
    QString m_prefix;
};

/// Turns stored (absolute, relative) path pairs into the paths to use now.
class PathResolver {
public:
    PathResolver(const QString& folder, bool moved, ProjectLoadInfo* info)
        : m_folder(folder), m_moved(moved), m_info(info)
    {
    }
    QString resolve(const QString& absolute, const QString& relative) const
    {
        const QString saved = QDir::cleanPath(absolute);
        if (m_moved && !relative.isEmpty()) {
            const QString candidate = QDir::cleanPath(m_folder.absoluteFilePath(relative));
            if (QFileInfo::exists(candidate)) {
                if (candidate != saved && m_info)
                    m_info->relocatedPaths.append(candidate);
                return candidate;
            }
        }
        if (!QFileInfo::exists(saved) && m_info)
            m_info->missingPaths.append(saved);
        return saved;
    }

private:
    QDir m_folder;
    bool m_moved;
    ProjectLoadInfo* m_info;
};

/// Steps shared by load() and save()'s guard: the file exists, reads, parses, and is a project
/// of a version this Shellac reads. Returns the root object.
Result<QJsonObject> readProjectRoot(const QString& path)
{
    const QString name = shown(path);
    const QFileInfo info(path);
    if (!info.exists())
        return Error{name, QObject::tr("does not exist")};
    if (info.isDir())
        return Error{name, QObject::tr("is a folder, not a project file")};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{name, QObject::tr("cannot be read (%1)").arg(file.errorString())};
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        return Error{name, QObject::tr("is empty (0 bytes); it is not a Shellac project")};

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype offset = std::clamp<qsizetype>(parseError.offset, 0, bytes.size());
        const qsizetype lineStart = bytes.lastIndexOf('\n', offset - 1) + 1; // 0 when on the first line
        const qsizetype line = bytes.left(offset).count('\n') + 1;
        const qsizetype column = QString::fromUtf8(bytes.mid(lineStart, offset - lineStart)).size() + 1;
        return Error{name, QObject::tr("is not valid JSON (%1 at line %2, column %3, byte %4); the file was "
                                       "not changed")
                               .arg(parseError.errorString())
                               .arg(line)
                               .arg(column)
                               .arg(offset)};
    }
    if (!doc.isObject())
        return Error{name, QObject::tr("is not a Shellac project (the JSON is not an object)")};
    const QJsonObject root = doc.object();

    const QJsonValue format = root.value(QStringLiteral("format"));
    if (format.toString() != QLatin1String(ProjectFile::kFormatTag)) {
        if (format.isString())
            return Error{name, QObject::tr("is not a Shellac project (its \"format\" is \"%1\", expected \"%2\")")
                                   .arg(format.toString(), QLatin1String(ProjectFile::kFormatTag))};
        return Error{name, QObject::tr("is not a Shellac project (no \"format\": \"%1\")")
                               .arg(QLatin1String(ProjectFile::kFormatTag))};
    }
    const FieldReader reader(name, QString(), root);
    auto version = reader.integer(QStringLiteral("version"), 0, true);
    if (!version)
        return version.error();
    if (version.value() > Project::kVersion)
        return Error{name, QObject::tr("was written by a newer Shellac (project version %1); this version reads "
                                       "up to %2. The file was not changed.")
                               .arg(version.value())
                               .arg(Project::kVersion)};
    if (version.value() < 1)
        return reader.error(QStringLiteral("version"), QObject::tr("must be 1 or more, got %1").arg(version.value()));
    return root;
}

Result<QUuid> readUuid(const FieldReader& reader)
{
    auto text = reader.string(QStringLiteral("uuid"), true);
    if (!text)
        return text.error();
    const QUuid uuid = QUuid::fromString(text.value());
    if (uuid.isNull())
        return reader.error(QStringLiteral("uuid"), QObject::tr("is not a valid uuid: \"%1\"").arg(text.value()));
    return uuid;
}

/// Evaluates a Result-returning expression into `var`, returning its error from the caller.
#define SHELLAC_TRY(var, expr)                                                                                       \
    auto var = (expr);                                                                                               \
    if (!var)                                                                                                        \
        return var.error();

Result<AppliedTake> readTake(const FieldReader& r, const PathResolver& paths)
{
    AppliedTake take;
    SHELLAC_TRY(method, r.string(QStringLiteral("method"), true, true));
    SHELLAC_TRY(settings, r.object(QStringLiteral("settings")));
    SHELLAC_TRY(appliedAt, r.time(QStringLiteral("applied_at")));
    take.method = method.value();
    take.settings = settings.value();
    take.appliedAt = appliedAt.value();
    struct PathField {
        const char* key;
        bool required;
        QString* target;
    };
    for (const PathField& f : {PathField{"restored", true, &take.restoredPath},
                               PathField{"residual", false, &take.residualPath},
                               PathField{"report", false, &take.reportPath}}) {
        const QString key = QLatin1String(f.key);
        SHELLAC_TRY(absolute, r.string(key, f.required, f.required));
        SHELLAC_TRY(relative, r.string(key + QStringLiteral("_relative"), false));
        if (!absolute.value().isEmpty())
            *f.target = paths.resolve(absolute.value(), relative.value());
    }
    return take;
}

Result<ProjectEntry> readEntry(const QString& file, int index, const QJsonValue& value, const PathResolver& paths)
{
    const QString place = QObject::tr("entry %1").arg(index);
    if (!value.isObject())
        return Error{file, QObject::tr("%1 must be an object, got %2").arg(place, typeName(value))};
    const QJsonObject o = value.toObject();
    const QString original = o.value(QStringLiteral("original")).toString();
    const QString named = original.isEmpty()
        ? place
        : QObject::tr("%1 (\"%2\")").arg(place, QFileInfo(original).fileName());
    const FieldReader r(file, named, o);

    ProjectEntry entry;
    SHELLAC_TRY(absolute, r.string(QStringLiteral("original"), true, true));
    SHELLAC_TRY(relative, r.string(QStringLiteral("original_relative"), false));
    entry.originalPath = paths.resolve(absolute.value(), relative.value());

    SHELLAC_TRY(status, r.string(QStringLiteral("status"), true));
    bool known = false;
    for (int s = 0; s < 4; ++s)
        if (status.value() == QLatin1String(kStatusKeys[s])) {
            entry.status = EntryStatus(s);
            known = true;
        }
    if (!known)
        return r.error(QStringLiteral("status"),
                       QObject::tr("must be \"new\", \"restoring\", \"restored\" or \"checked\", got \"%1\"")
                           .arg(status.value()));

    SHELLAC_TRY(takes, r.array(QStringLiteral("takes"), false));
    for (int t = 0; t < takes.value().size(); ++t) {
        const QJsonValue v = takes.value().at(t);
        const QString prefix = QStringLiteral("takes[%1].").arg(t);
        if (!v.isObject())
            return r.error(QStringLiteral("takes[%1]").arg(t), QObject::tr("must be an object, got %1").arg(typeName(v)));
        SHELLAC_TRY(take, readTake(FieldReader(file, named, v.toObject(), prefix), paths));
        entry.takes.push_back(std::move(take).value());
    }
    SHELLAC_TRY(current, r.integer(QStringLiteral("current_take"), -1));
    if (current.value() < -1 || current.value() >= int(entry.takes.size()))
        return r.error(QStringLiteral("current_take"),
                       QObject::tr("must be -1 (the original) or the index of one of its %1 takes, got %2")
                           .arg(entry.takes.size())
                           .arg(current.value()));
    entry.currentTake = current.value();

    if (r.has(QStringLiteral("checklist"))) {
        auto checklist = ListeningChecklist::fromJson(o.value(QStringLiteral("checklist")));
        if (!checklist)
            return r.located(checklist.error().reason);
        entry.checklist = checklist.value();
    }
    // The job that was running when this was saved did not survive.
    if (entry.status == EntryStatus::Restoring)
        entry.status = entry.currentTake >= 0 ? EntryStatus::Restored : EntryStatus::New;
    return entry;
}

} // namespace

const AppliedTake* ProjectEntry::appliedTake() const
{
    if (currentTake < 0 || currentTake >= int(takes.size()))
        return nullptr;
    return &takes[std::size_t(currentTake)];
}

Project Project::createNew(const QDateTime& nowUtc)
{
    Project p;
    p.uuid = QUuid::createUuid();
    p.created = nowUtc.toUTC();
    p.modified = p.created;
    return p;
}

void Project::markModified(const QDateTime& nowUtc) { modified = nowUtc.toUTC(); }

int Project::indexOf(const QString& absolutePath) const
{
    const QString wanted = QDir::cleanPath(absolutePath);
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (QDir::cleanPath(entries[i].originalPath) == wanted)
            return int(i);
    return -1;
}

QString ProjectFile::statusKey(EntryStatus status) { return QString::fromLatin1(kStatusKeys[int(status)]); }

Result<Project> ProjectFile::load(const QString& path, ProjectLoadInfo* info)
{
    const QString name = shown(path);
    SHELLAC_TRY(root, readProjectRoot(path));
    const FieldReader r(name, QString(), root.value());

    Project project;
    SHELLAC_TRY(uuid, readUuid(r));
    SHELLAC_TRY(created, r.time(QStringLiteral("created")));
    SHELLAC_TRY(modified, r.time(QStringLiteral("modified")));
    SHELLAC_TRY(settings, r.object(QStringLiteral("settings")));
    SHELLAC_TRY(uiState, r.object(QStringLiteral("ui_state")));
    SHELLAC_TRY(savedIn, r.string(QStringLiteral("saved_in"), false));
    SHELLAC_TRY(entries, r.array(QStringLiteral("entries"), true));
    project.uuid = uuid.value();
    project.created = created.value();
    project.modified = modified.value();
    project.settings = settings.value();
    project.uiState = uiState.value();

    const QString folder = QFileInfo(path).absolutePath();
    const bool moved = !savedIn.value().isEmpty() && QDir::cleanPath(savedIn.value()) != QDir::cleanPath(folder);
    ProjectLoadInfo found;
    found.folderMoved = moved;
    const PathResolver paths(folder, moved, &found);
    for (int i = 0; i < entries.value().size(); ++i) {
        SHELLAC_TRY(entry, readEntry(name, i, entries.value().at(i), paths));
        project.entries.push_back(std::move(entry).value());
    }
    if (info)
        *info = found;
    return project;
}

QJsonObject ProjectFile::toJson(const Project& project, const QString& projectFolder)
{
    const QDir folder(projectFolder);
    const auto putPath = [&](QJsonObject& o, const QString& key, const QString& path) {
        if (path.isEmpty())
            return;
        o.insert(key, QDir::cleanPath(path));
        o.insert(key + QStringLiteral("_relative"), folder.relativeFilePath(path));
    };
    QJsonArray entries;
    for (const ProjectEntry& e : project.entries) {
        QJsonArray takes;
        for (const AppliedTake& t : e.takes) {
            QJsonObject take{{QStringLiteral("method"), t.method}, {QStringLiteral("settings"), t.settings}};
            if (t.appliedAt.isValid())
                take.insert(QStringLiteral("applied_at"), isoUtc(t.appliedAt));
            putPath(take, QStringLiteral("restored"), t.restoredPath);
            putPath(take, QStringLiteral("residual"), t.residualPath);
            putPath(take, QStringLiteral("report"), t.reportPath);
            takes.append(take);
        }
        QJsonObject entry{{QStringLiteral("status"), statusKey(e.status)},
                          {QStringLiteral("current_take"), e.currentTake},
                          {QStringLiteral("takes"), takes},
                          {QStringLiteral("checklist"), e.checklist.toJson()}};
        putPath(entry, QStringLiteral("original"), e.originalPath);
        entries.append(entry);
    }
    QJsonObject root{{QStringLiteral("format"), QLatin1String(kFormatTag)},
                     {QStringLiteral("version"), Project::kVersion},
                     {QStringLiteral("uuid"), project.uuid.toString(QUuid::WithoutBraces)},
                     {QStringLiteral("saved_in"), QDir::cleanPath(folder.absolutePath())},
                     {QStringLiteral("settings"), project.settings},
                     {QStringLiteral("ui_state"), project.uiState},
                     {QStringLiteral("entries"), entries}};
    if (project.created.isValid())
        root.insert(QStringLiteral("created"), isoUtc(project.created));
    if (project.modified.isValid())
        root.insert(QStringLiteral("modified"), isoUtc(project.modified));
    return root;
}

Status ProjectFile::save(const QString& path, const Project& project, SaveMode mode)
{
    const QString name = shown(path);
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        return Error{name, QObject::tr("folder %1 does not exist; nothing was written").arg(shown(folder.filePath()))};
    if (!folder.isDir())
        return Error{name, QObject::tr("%1 is a file, not a folder; nothing was written").arg(shown(folder.filePath()))};
    if (info.isDir())
        return Error{name, QObject::tr("is a folder; give a file name for the project")};
    if (project.uuid.isNull())
        return Error{name, QObject::tr("the project has no uuid (use Project::createNew); nothing was written")};

    if (info.exists() && mode == SaveMode::UpdateSameProject) {
        auto existing = readProjectRoot(path);
        if (!existing)
            return Error{name, QObject::tr("already exists and is not a project this Shellac can update (%1); it "
                                           "was not replaced")
                                   .arg(existing.error().reason)};
        auto uuid = readUuid(FieldReader(name, QString(), existing.value()));
        if (!uuid)
            return Error{name, QObject::tr("already exists and is not a project this Shellac can update (%1); it "
                                           "was not replaced")
                                   .arg(uuid.error().reason)};
        if (uuid.value() != project.uuid)
            return Error{name, QObject::tr("already exists and holds another Shellac project (uuid %1); it was "
                                           "not replaced")
                                   .arg(uuid.value().toString(QUuid::WithoutBraces))};
    }

    const QByteArray bytes = QJsonDocument(toJson(project, folder.absoluteFilePath())).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{name, QObject::tr("cannot be written (%1); nothing was changed").arg(file.errorString())};
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return Error{name, QObject::tr("cannot be written (%1); the previous file is unchanged").arg(reason)};
    }
    if (!file.commit())
        return Error{name, QObject::tr("cannot be written (%1); the previous file is unchanged").arg(file.errorString())};
    return Status::success();
}

#undef SHELLAC_TRY

} // namespace shellac
