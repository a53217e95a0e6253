#include "ml/RestorerFactory.h"

#include "dsp/DspRestorer.h"
#include "ml/NeuralModel.h"
#include "ml/NeuralRestorer.h"
#include "ml/TorchBackend.h"
#include "ml/TorchRuntime.h"
#include "ml/TrainingSettings.h"
#include "restore/HybridRestorer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QObject>

namespace shellac::ml {

namespace {

/// The source tree's root for developer builds: SHELLAC_SOURCE_DIR when the build defines it,
/// else derived from this file's own path (core/ml/RestorerFactory.cpp).
QString sourceRoot()
{
#ifdef SHELLAC_SOURCE_DIR
    return QStringLiteral(SHELLAC_SOURCE_DIR);
#else
    return QFileInfo(QString::fromUtf8(__FILE__)).absoluteDir().filePath(QStringLiteral("../.."));
#endif
}

} // namespace

RestorerFactory::RestorerFactory() = default;

RestorerFactory::~RestorerFactory() = default;

RestorerFactory& RestorerFactory::shared()
{
    static RestorerFactory factory;
    return factory;
}

QString RestorerFactory::defaultModelPath(RestorationMethod method)
{
    QStringList folders;
    if (QCoreApplication::instance())
        folders << QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/shellac/models"));
    folders << QDir(sourceRoot()).filePath(QStringLiteral("resources/models"));
    QStringList names{QStringLiteral("default.pt")};
    if (method == RestorationMethod::Hybrid)
        names.prepend(QStringLiteral("post-filter.pt"));
    for (const QString& folder : folders) // an installation's models, then the source tree's: never a mix
        for (const QString& name : names)
            if (const QString path = QDir(folder).filePath(name); QFileInfo(path).isFile())
                return QDir::cleanPath(path);
    return {};
}

RestorationSettings RestorerFactory::recommendedSettings()
{
    RestorationSettings settings;
    const QString model = defaultModelPath(RestorationMethod::Hybrid);
    if (QFileInfo(model).fileName() == u"post-filter.pt" && !torchPluginPath().isEmpty())
        settings.method = RestorationMethod::Hybrid;
    return settings;
}

Result<QString> RestorerFactory::modelPathFor(const RestorationSettings& settings)
{
    if (!settings.usesModel())
        return QString();
    const QString path = settings.modelPath.isEmpty() ? defaultModelPath(settings.method) : settings.modelPath;
    if (path.isEmpty())
        return Error{QStringLiteral("model"), QObject::tr("no model chosen and no bundled default model found "
                                                          "(share/shellac/models/default.pt); train one or choose a model file")};
    const QFileInfo info(path);
    if (!info.exists())
        return Error{QDir::toNativeSeparators(path), QObject::tr("model file does not exist")};
    if (!info.isFile())
        return Error{QDir::toNativeSeparators(path), QObject::tr("is not a model file (it is a folder)")};
    return path;
}

Result<std::shared_ptr<NeuralModel>> RestorerFactory::model(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return Error{QDir::toNativeSeparators(path), QObject::tr("model file does not exist")};
    const QString key = info.absoluteFilePath();
    std::lock_guard lock(m_mutex);
    Entry& entry = m_cache[key];
    if (entry.modified != info.lastModified() || entry.size != info.size()) {
        entry.models.clear(); // a changed file: instances in use keep their old weights until released
        entry.modified = info.lastModified();
        entry.size = info.size();
    }
    for (const std::shared_ptr<NeuralModel>& m : entry.models)
        if (m.use_count() == 1) // only the cache holds it; copies are only made under m_mutex
            return m;
    initialiseTorchRuntime(); // the first model loads LibTorch (all usable CPUs)
    auto loaded = NeuralModel::load(path);
    ++m_loads;
    if (!loaded)
        return loaded.error();
    entry.models.push_back(std::move(loaded).value());
    return entry.models.back();
}

Result<std::unique_ptr<Restorer>> RestorerFactory::makeRestorer(const RestorationSettings& settings)
{
    if (Status valid = settings.validate(); !valid)
        return valid.error();
    if (settings.method == RestorationMethod::Dsp)
        return std::unique_ptr<Restorer>(std::make_unique<dsp::DspRestorer>(settings.dsp));
    auto path = modelPathFor(settings);
    if (!path)
        return path.error();
    auto loaded = model(path.value());
    if (!loaded)
        return loaded.error();
    NeuralRestorerSettings neural;
    neural.mix = settings.mix;
    QString why;
    resolveDevice(QStringLiteral("auto"), neural.device, why); // "auto" always resolves
    if (Status valid = neural.validate(); !valid)
        return valid.error();
    if (Status fits = checkModelUse(loaded.value()->metadata(), path.value(), settings.method == RestorationMethod::Neural); !fits)
        return fits.error();
    auto network = std::make_unique<NeuralRestorer>(std::move(loaded).value(), neural);
    if (settings.method == RestorationMethod::Neural)
        return std::unique_ptr<Restorer>(std::move(network));
    return std::unique_ptr<Restorer>(
        std::make_unique<HybridRestorer>(std::make_unique<dsp::DspRestorer>(settings.dsp), std::move(network)));
}

void RestorerFactory::clearCache()
{
    std::lock_guard lock(m_mutex);
    m_cache.clear();
}

int RestorerFactory::loadCount() const
{
    std::lock_guard lock(m_mutex);
    return m_loads;
}

} // namespace shellac::ml
