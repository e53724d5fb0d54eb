"""The kiosk's screens: attract, language, role, scene, debrief, PIN pad and staff."""
