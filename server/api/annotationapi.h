// PUT, GET and DELETE /api/v1/annotations/{sha256}: a delegate's encrypted annotation backup
// for one document of its meeting (services/annotationservice.h says who may and why).
#pragma once

#include "api/router.h"

namespace chamber::services {
class AnnotationService;
}

namespace chamber::api {

class AnnotationApi
{
public:
    explicit AnnotationApi(services::AnnotationService &annotations)
        : m_annotations(annotations)
    { }
    void registerRoutes(Router &router);

private:
    services::AnnotationService &m_annotations;
};

} // namespace chamber::api
