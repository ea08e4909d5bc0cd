package org.usermodels.platform.devstack;

public final class DevStack {
    public static void main(String[] args) {}
}
