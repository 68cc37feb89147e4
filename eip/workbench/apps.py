"""Django app that routes the workbench's events to the tracking log."""

from django.apps import AppConfig


class EIPWorkbenchConfig(AppConfig):
    name = "eip.workbench"
    label = "eip_workbench"
    verbose_name = "Evidence in Practice workbench"

    def ready(self) -> None:
        from django.conf import settings
        from workbench.runtime import WorkbenchRuntime

        from eip.workbench.course_scenarios import install as install_course_scenarios
        from eip.workbench.tracking import TrackingLog

        tracking_log = TrackingLog(settings.EIP_TRACKING_LOG, settings.EIP_WORKBENCH_COURSE_ID)

        def publish(runtime, block, event_type, event_data) -> None:
            tracking_log.publish_from_runtime(runtime, block, event_type, event_data)

        # The SDK's runtime only logs events; an LMS writes them to its tracking log.
        WorkbenchRuntime.publish = publish
        # Every course version in courses/ previews as scenarios: a section and each unit.
        install_course_scenarios()
