package dev.parley; public class Main { public static void main(String[] a){} }
