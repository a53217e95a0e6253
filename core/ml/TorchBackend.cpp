#include "ml/TorchBackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QStringList>

namespace shellac::ml {

TorchBackend::~TorchBackend() = default;

namespace {

/// The folder of the running executable (also before a QCoreApplication exists).
QString executableDir()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
}

/// Where the plugin may be, most specific first.
QStringList pluginCandidates()
{
    const QString forced = qEnvironmentVariable("SHELLAC_TORCH_PLUGIN");
    if (!forced.isEmpty())
        return {forced};
    QStringList candidates;
#ifdef SHELLAC_TORCH_PLUGIN_INSTALL_RELATIVE
    candidates << QDir::cleanPath(QDir(executableDir()).filePath(QStringLiteral(SHELLAC_TORCH_PLUGIN_INSTALL_RELATIVE)));
#endif
#ifdef SHELLAC_TORCH_PLUGIN_BUILD_PATH
    candidates << QStringLiteral(SHELLAC_TORCH_PLUGIN_BUILD_PATH);
#endif
    return candidates;
}

Result<TorchBackend*> loadBackend()
{
    const QString path = torchPluginPath();
    if (path.isEmpty())
        return Error{pluginCandidates().join(QStringLiteral(", ")),
                     QStringLiteral("the LibTorch plugin (libshellac_torch.so) is not there; the neural restorer and "
                                    "training need it (reinstall Shellac, or rebuild: cmake --build build)")};
    // Never unloaded: models and the trainer's objects live as long as the process.
    QLibrary library(path);
    library.setLoadHints(QLibrary::ResolveAllSymbolsHint);
    if (!library.load())
        return Error{path, QStringLiteral("cannot load the LibTorch plugin (%1); is libtorch installed "
                                          "(apt-get install libtorch1.13)?")
                               .arg(library.errorString())};
    const auto entry = reinterpret_cast<TorchBackendEntry>(library.resolve("shellac_torch_backend"));
    if (entry == nullptr)
        return Error{path, QStringLiteral("is not a Shellac LibTorch plugin (no shellac_torch_backend entry point)")};
    TorchBackend* backend = entry(kTorchBackendInterface, SHELLAC_VERSION);
    if (backend == nullptr)
        return Error{path, QStringLiteral("belongs to another version of Shellac than %1; reinstall Shellac")
                               .arg(QStringLiteral(SHELLAC_VERSION))};
    return backend;
}

} // namespace

QString torchPluginPath()
{
    for (const QString& candidate : pluginCandidates())
        if (QFileInfo(candidate).isFile())
            return candidate;
    return {};
}

Result<TorchBackend*> torchBackend()
{
    static const Result<TorchBackend*> loaded = loadBackend(); // thread-safe, once per process
    return loaded;
}

} // namespace shellac::ml
