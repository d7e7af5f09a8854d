"""Authoring sources of the demo province; ``tools/build_demo_data.py`` turns them into the JSON
files under ``resources/demo/`` that ``cdsdesk.services.demo`` loads."""
